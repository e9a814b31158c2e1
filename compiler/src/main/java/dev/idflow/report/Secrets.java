package dev.idflow.report;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;

/**
 * Keeps secret values out of every report: the text that an IDF601 finding stands on is
 * shown as {@code ****}, in the source excerpt as in every other format.
 */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {
    }

    /**
     * The source line with the spans of every secret finding on it replaced by the mask, so
     * that the excerpt of any finding on that line hides the secret. Spans are replaced from
     * the right, so that a replacement does not move the columns of the next one.
     */
    static String maskLine(String line, int lineNumber, Iterable<Diagnostic> findings) {
        java.util.TreeSet<SourceSpan> spans = new java.util.TreeSet<>(java.util.Comparator
                .comparingInt(SourceSpan::startLine).thenComparingInt(SourceSpan::startCol).reversed());
        for (Diagnostic d : findings) {
            SourceSpan s = d.span();
            if (d.code().equals("IDF601") && s.startLine() <= lineNumber && s.endLine() >= lineNumber) {
                spans.add(s);
            }
        }
        String out = line;
        for (SourceSpan s : spans) {
            int from = s.startLine() == lineNumber ? s.startCol() - 1 : 0;
            int to = s.endLine() == lineNumber ? s.endCol() - 1 : out.codePointCount(0, out.length());
            out = replaceCodePoints(out, from, to);
        }
        return out;
    }

    private static String replaceCodePoints(String s, int from, int to) {
        int n = s.codePointCount(0, s.length());
        from = Math.min(from, n);
        to = Math.max(from, Math.min(to, n));
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(0, to);
        String replaced = s.substring(a, b);
        String mask = replaced.startsWith("\"") && replaced.endsWith("\"") && replaced.length() > 1
                ? "\"" + MASK + "\"" : MASK;
        return s.substring(0, a) + mask + s.substring(b);
    }
}
