package dev.idflow.report;

import dev.idflow.io.Json;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Related;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The machine format: findings and a summary, valid against {@code schemas/diagnostics.schema.json}. */
public final class JsonReport {

    private final String version;

    public JsonReport(String version) {
        this.version = version;
    }

    public String render(Analysis analysis, FailLevel failOn) {
        return Json.write(tree(analysis, failOn));
    }

    public ObjectNode tree(Analysis analysis, FailLevel failOn) {
        ObjectNode root = Json.object();
        root.put("$schema", "https://idflow.dev/schemas/diagnostics.schema.json");
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "idflow");
        tool.put("version", version);
        root.put("now", dev.idflow.model.Values.rfc3339(analysis.now()));
        ArrayNode findings = root.putArray("findings");
        for (Diagnostic d : analysis.diagnostics()) {
            findings.add(finding(analysis, d));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", analysis.sources().size());
        summary.put("errors", analysis.count(Severity.ERROR));
        summary.put("warnings", analysis.count(Severity.WARNING));
        summary.put("infos", analysis.count(Severity.INFO));
        summary.put("failOn", failOn.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("failed", analysis.fails(failOn));
        return root;
    }

    static ObjectNode finding(Analysis analysis, Diagnostic d) {
        ObjectNode f = Json.object();
        f.put("code", d.code());
        f.put("severity", d.severity().word());
        location(f, analysis, d.span());
        f.put("message", d.message());
        if (d.help() != null) {
            f.put("help", d.help());
        }
        f.put("subject", d.subject());
        f.put("key", d.key());
        if (!d.related().isEmpty()) {
            ArrayNode related = f.putArray("related");
            for (Related r : d.related()) {
                ObjectNode o = related.addObject();
                location(o, analysis, r.span());
                o.put("message", r.message());
            }
        }
        return f;
    }

    static void location(ObjectNode o, Analysis analysis, SourceSpan s) {
        o.put("file", analysis.display(s.file()));
        o.put("line", s.startLine());
        o.put("column", s.startCol());
        o.put("endLine", s.endLine());
        o.put("endColumn", s.endCol());
    }
}
