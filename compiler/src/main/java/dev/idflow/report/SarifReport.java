package dev.idflow.report;

import dev.idflow.check.RuleInfo;
import dev.idflow.check.Rules;
import dev.idflow.io.Json;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Related;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help and OWASP/NIST tags, and one
 * result per finding with a location relative to {@code %SRCROOT%} (the repository root when
 * reading from Git, else the current folder) and a fingerprint made from the finding's key, so
 * that a finding keeps its identity when lines move. No source text is copied into the log,
 * so a secret value (IDF601) cannot leak through it.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The name of the fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT = "idflowFindingKey/v1";

    private final String version;

    public SarifReport(String version) {
        this.version = version;
    }

    /** The log of {@code findings} (all of the analysis's, or only the new ones of a diff). */
    public String render(Analysis analysis, List<Diagnostic> findings) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "idflow");
        driver.put("version", version);
        driver.put("informationUri", "https://idflow.dev");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : Rules.all()) {
            index.put(r.code(), rules.size());
            rules.add(rule(r));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : findings) {
            results.add(result(analysis, d, index));
        }
        run.put("columnKind", "unicodeCodePoints");
        return Json.write(root);
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode o = Json.object();
        o.put("id", r.code());
        o.put("name", pascal(r.title()));
        o.putObject("shortDescription").put("text", r.title());
        o.putObject("fullDescription").put("text", r.summary());
        ObjectNode help = o.putObject("help");
        help.put("text", r.summary() + "\n\n" + r.explanation() + "\n\nSee " + r.helpUri());
        help.put("markdown", "**" + r.code() + " " + r.title() + "**: " + r.summary() + "\n\n" + r.explanation()
                + "\n\n[" + r.code() + " documentation](" + r.helpUri() + ")");
        o.put("helpUri", r.helpUri());
        o.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = o.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        if (!r.owasp().isEmpty()) {
            tags.add("OWASP-" + r.owasp());
        }
        if (!r.nist().isEmpty()) {
            tags.add("NIST-CSF-" + r.nist());
        }
        props.put("precision", "very-high");
        props.put("security-severity", securitySeverity(r.severity()));
        return o;
    }

    private static ObjectNode result(Analysis analysis, Diagnostic d, Map<String, Integer> index) {
        ObjectNode o = Json.object();
        o.put("ruleId", d.code());
        Integer i = index.get(d.code());
        if (i != null) {
            o.put("ruleIndex", i);
        }
        o.put("level", level(d.severity()));
        String text = d.help() == null ? d.message() : d.message() + " (" + d.help() + ")";
        o.putObject("message").put("text", text);
        o.putArray("locations").addObject().set("physicalLocation", physical(analysis, d.span()));
        o.putObject("partialFingerprints").put(FINGERPRINT, Locations.fingerprint(d.key()));
        if (!d.related().isEmpty()) {
            ArrayNode related = o.putArray("relatedLocations");
            int id = 1;
            for (Related r : d.related()) {
                ObjectNode loc = related.addObject();
                loc.put("id", id++);
                loc.set("physicalLocation", physical(analysis, r.span()));
                loc.putObject("message").put("text", r.message());
            }
        }
        o.putObject("properties").put("subject", d.subject());
        return o;
    }

    private static ObjectNode physical(Analysis analysis, SourceSpan s) {
        ObjectNode p = Json.object();
        ObjectNode artifact = p.putObject("artifactLocation");
        String shown = analysis.display(s.file());
        if (shown.startsWith("/")) {
            artifact.put("uri", "file://" + Locations.uri(shown)); // a folder outside the current one
        } else {
            artifact.put("uri", Locations.uri(shown));
            artifact.put("uriBaseId", "%SRCROOT%");
        }
        ObjectNode region = p.putObject("region");
        region.put("startLine", Math.max(1, s.startLine()));
        region.put("startColumn", Math.max(1, s.startCol()));
        region.put("endLine", Math.max(s.startLine(), s.endLine()));
        region.put("endColumn", Math.max(1, s.endCol()));
        return p;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
        };
    }

    private static String pascal(String title) {
        StringBuilder b = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }
}
