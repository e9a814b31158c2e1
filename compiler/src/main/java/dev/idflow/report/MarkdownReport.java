package dev.idflow.report;

import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import java.util.List;

/**
 * The summary of {@code check} for a pull-request comment: a verdict, the counts, then the
 * findings, errors first. Policy text is escaped (see {@link Markdown}); no source line is
 * quoted, so no secret value can appear.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Analysis analysis, FailLevel failOn) {
        StringBuilder b = new StringBuilder();
        boolean failed = analysis.fails(failOn);
        b.append("## idflow check: ").append(failed ? "failed" : "passed").append("\n\n");
        b.append(Markdown.text(TextReport.summary(analysis))).append(failed ? "" : ".").append("\n\n");
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            List<Diagnostic> these = analysis.diagnostics().stream().filter(d -> d.severity() == s).toList();
            if (these.isEmpty()) {
                continue;
            }
            b.append("### ").append(heading(s)).append(" (").append(these.size()).append(")\n\n");
            for (Diagnostic d : these) {
                b.append(item(analysis, d));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** One finding as a list item: code, place, message and suggestion. */
    static String item(Analysis analysis, Diagnostic d) {
        String place = analysis.display(d.span().file()) + ":" + d.span().startLine() + ":" + d.span().startCol();
        StringBuilder b = new StringBuilder("- **").append(d.code()).append("** ").append(Markdown.code(place))
                .append(": ").append(Markdown.message(d.message()));
        if (d.help() != null) {
            b.append("  \n  _help_: ").append(Markdown.message(d.help()));
        }
        return b.append('\n').toString();
    }

    private static String heading(Severity s) {
        return switch (s) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Infos";
        };
    }
}
