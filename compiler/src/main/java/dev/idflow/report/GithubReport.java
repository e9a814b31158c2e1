package dev.idflow.report;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::message}, escaped as
 * the runner expects ({@code % CR LF} everywhere, and {@code , :} in properties too).
 */
public final class GithubReport {

    private GithubReport() {
    }

    public static String render(Analysis analysis, List<Diagnostic> findings) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : findings) {
            b.append(command(analysis, d)).append('\n');
        }
        return b.toString();
    }

    static String command(Analysis analysis, Diagnostic d) {
        SourceSpan s = d.span();
        String kind = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        return "::" + kind + " file=" + property(analysis.display(s.file())) + ",line=" + s.startLine() + ",col="
                + s.startCol() + ",endLine=" + s.endLine() + ",endColumn=" + s.endCol() + ",title="
                + property(d.code()) + "::" + data(d.help() == null ? d.message() : d.message() + " (" + d.help()
                + ")");
    }

    /** Escapes a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
