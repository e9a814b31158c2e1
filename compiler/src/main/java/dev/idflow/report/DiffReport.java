package dev.idflow.report;

import dev.idflow.diff.Change;
import dev.idflow.io.Json;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.DiffResult;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Gate;
import dev.idflow.source.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reports of {@code idflow diff}. SARIF and GitHub annotations carry the new findings only
 * (every finding at head with {@code showUnchanged}); JUnit the findings the gate judges; the
 * Markdown summary names the risky changes first, then the new and fixed findings, then the
 * change by identity.
 */
public final class DiffReport {

    /** Most items listed per section of the Markdown summary. */
    static final int MAX_ITEMS = 50;

    private final DiffResult diff;
    private final FailLevel failOn;
    private final Gate gate;
    private final boolean showUnchanged;
    private final String version;

    public DiffReport(DiffResult diff, FailLevel failOn, Gate gate, boolean showUnchanged, String version) {
        this.diff = diff;
        this.failOn = failOn;
        this.gate = gate;
        this.showUnchanged = showUnchanged;
        this.version = version;
    }

    public String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case JSON -> json();
            case SARIF -> new SarifReport(version).render(diff.head(), diff.annotated(showUnchanged));
            case JUNIT -> JunitReport.render(diff.head(), diff.gated(gate), failOn);
            case GITHUB -> GithubReport.render(diff.head(), diff.annotated(showUnchanged));
            case MARKDOWN -> markdown();
        };
    }

    private boolean failed() {
        return diff.fails(failOn, gate);
    }

    private static String revision(Provenance p) {
        if (p == null || p.commit() == null) {
            return "working folder";
        }
        return p.ref() + " (" + p.commit().substring(0, Math.min(7, p.commit().length())) + ")";
    }

    /** Where a change stands, as the user would open it; empty for a change without a place. */
    private String place(Change c) {
        SourceSpan s = c.span();
        if (s == null) {
            return "";
        }
        Analysis a = c.atBase() ? diff.base() : diff.head();
        return a.display(s.file()) + ":" + s.startLine() + ":" + s.startCol() + (c.atBase() ? " (base)" : "");
    }

    private String summary() {
        long risky = diff.risky().size();
        return "idflow diff: " + diff.added().size() + " new, " + diff.fixed().size() + " fixed, "
                + diff.unchanged().size() + " unchanged finding" + (diff.unchanged().size() == 1 ? "" : "s") + "; "
                + diff.changes().size() + " change" + (diff.changes().size() == 1 ? "" : "s") + " (" + risky
                + " risky); gate " + gate.name().toLowerCase(Locale.ROOT) + ", fail on "
                + failOn.name().toLowerCase(Locale.ROOT) + ": " + (failed() ? "failed" : "passed");
    }

    // text

    private String text() {
        StringBuilder b = new StringBuilder();
        b.append("idflow diff ").append(revision(diff.base().provenance())).append(" -> ")
                .append(revision(diff.head().provenance())).append(" at ").append(Values.rfc3339(diff.head().now()))
                .append('\n');
        for (Change c : diff.risky()) {
            b.append("risky: ").append(c.kind().label()).append(": ").append(c.description())
                    .append(place(c).isEmpty() ? "" : " (" + place(c) + ")").append('\n');
        }
        for (Diagnostic d : diff.added()) {
            b.append("new: ").append(TextReport.line(diff.head(), d)).append('\n');
        }
        for (Diagnostic d : diff.fixed()) {
            b.append("fixed: ").append(TextReport.line(diff.base(), d)).append('\n');
        }
        if (showUnchanged) {
            for (Diagnostic d : diff.unchanged()) {
                b.append("unchanged: ").append(TextReport.line(diff.head(), d)).append('\n');
            }
        }
        for (Map.Entry<String, List<Change>> e : byScope().entrySet()) {
            b.append(e.getKey()).append(":\n");
            for (Change c : e.getValue()) {
                b.append("  ").append(c.kind().label()).append(": ").append(c.description());
                if (!c.blastRadius().isEmpty()) {
                    b.append("; blast radius: ").append(String.join(", ", c.blastRadius()));
                }
                b.append('\n');
            }
        }
        if (diff.semanticNote() != null) {
            b.append("note: ").append(diff.semanticNote()).append('\n');
        }
        return b.append(summary()).append('\n').toString();
    }

    /** The non-risky changes by scope, scopes in first-seen order (identities, exceptions, ...). */
    private Map<String, List<Change>> byScope() {
        Map<String, List<Change>> out = new LinkedHashMap<>();
        for (Change c : diff.changes()) {
            if (!c.risky()) {
                out.computeIfAbsent(c.scope(), k -> new java.util.ArrayList<>()).add(c);
            }
        }
        return out;
    }

    // markdown

    private String markdown() {
        StringBuilder b = new StringBuilder();
        List<Change> risky = diff.risky();
        b.append("## idflow diff: ").append(failed() ? "failed" : "passed").append(", ")
                .append(risky.size()).append(" risky change").append(risky.size() == 1 ? "" : "s").append(", ")
                .append(diff.added().size()).append(" new finding").append(diff.added().size() == 1 ? "" : "s")
                .append("\n\n");
        if (!risky.isEmpty()) {
            b.append("### Risky changes\n\n");
            for (Change c : risky.subList(0, Math.min(MAX_ITEMS, risky.size()))) {
                b.append("- **").append(Markdown.text(c.kind().label())).append("**: ")
                        .append(Markdown.message(c.description())).append(where(c)).append('\n');
            }
            more(b, risky.size());
            b.append('\n');
        }
        b.append(Markdown.text("Base " + revision(diff.base().provenance()) + ", head "
                + revision(diff.head().provenance()) + ", judged at " + Values.rfc3339(diff.head().now())))
                .append(".\n\n");
        findings(b, "New findings", diff.head(), diff.added());
        findings(b, "Fixed findings", diff.base(), diff.fixed());
        if (showUnchanged) {
            findings(b, "Unchanged findings", diff.head(), diff.unchanged());
        }
        Map<String, List<Change>> scopes = byScope();
        if (!scopes.isEmpty()) {
            b.append("### Changes by identity\n\n");
            for (Map.Entry<String, List<Change>> e : scopes.entrySet()) {
                b.append("#### ").append(Markdown.text(e.getKey())).append("\n\n");
                for (Change c : e.getValue().subList(0, Math.min(MAX_ITEMS, e.getValue().size()))) {
                    b.append("- ").append(Markdown.text(c.kind().label())).append(": ")
                            .append(Markdown.message(c.description())).append(where(c));
                    if (!c.blastRadius().isEmpty()) {
                        b.append("  \n  blast radius: ").append(String.join(", ",
                                c.blastRadius().stream().map(Markdown::code).toList()));
                    }
                    b.append('\n');
                }
                more(b, e.getValue().size());
                b.append('\n');
            }
        }
        if (diff.semanticNote() != null) {
            b.append("_").append(Markdown.text(diff.semanticNote())).append("_\n\n");
        }
        b.append(Markdown.text(summary())).append('\n');
        return b.toString();
    }

    private String where(Change c) {
        String p = place(c);
        return p.isEmpty() ? "" : " (" + Markdown.code(p) + ")";
    }

    private static void findings(StringBuilder b, String title, Analysis a, List<Diagnostic> list) {
        if (list.isEmpty()) {
            return;
        }
        b.append("### ").append(title).append(" (").append(list.size()).append(")\n\n");
        for (Diagnostic d : list.subList(0, Math.min(MAX_ITEMS, list.size()))) {
            b.append(MarkdownReport.item(a, d));
        }
        more(b, list.size());
        b.append('\n');
    }

    /** A pull-request comment has a size limit: long lists end with a count of the rest. */
    private static void more(StringBuilder b, int size) {
        if (size > MAX_ITEMS) {
            b.append("- and ").append(size - MAX_ITEMS).append(" more (see the JSON or text report)\n");
        }
    }

    // json

    private String json() {
        ObjectNode root = Json.object();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "idflow");
        tool.put("version", version);
        revision(root.putObject("base"), diff.base().provenance());
        revision(root.putObject("head"), diff.head().provenance());
        root.put("now", Values.rfc3339(diff.head().now()));
        ArrayNode added = root.putArray("new");
        diff.added().forEach(d -> added.add(JsonReport.finding(diff.head(), d)));
        ArrayNode fixed = root.putArray("fixed");
        diff.fixed().forEach(d -> fixed.add(JsonReport.finding(diff.base(), d)));
        if (showUnchanged) {
            ArrayNode unchanged = root.putArray("unchanged");
            diff.unchanged().forEach(d -> unchanged.add(JsonReport.finding(diff.head(), d)));
        }
        ArrayNode changes = root.putArray("changes");
        for (Change c : diff.changes()) {
            ObjectNode o = changes.addObject();
            o.put("kind", c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.put("risky", c.risky());
            o.put("scope", c.scope());
            o.put("subject", c.subject());
            o.put("description", c.description());
            if (c.span() != null) {
                JsonReport.location(o, c.atBase() ? diff.base() : diff.head(), c.span());
                o.put("atBase", c.atBase());
            }
            if (!c.blastRadius().isEmpty()) {
                ArrayNode radius = o.putArray("blastRadius");
                c.blastRadius().forEach(radius::add);
            }
        }
        if (diff.semanticNote() != null) {
            root.put("note", diff.semanticNote());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("new", diff.added().size());
        summary.put("fixed", diff.fixed().size());
        summary.put("unchanged", diff.unchanged().size());
        summary.put("changes", diff.changes().size());
        summary.put("risky", diff.risky().size());
        summary.put("gate", gate.name().toLowerCase(Locale.ROOT));
        summary.put("failOn", failOn.name().toLowerCase(Locale.ROOT));
        summary.put("failed", failed());
        return Json.write(root);
    }

    private static void revision(ObjectNode o, Provenance p) {
        o.put("ref", p == null ? null : p.ref());
        o.put("commit", p == null ? null : p.commit());
    }
}
