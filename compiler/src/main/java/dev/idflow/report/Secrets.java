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

    /** The source line with the spans of secret findings on it replaced by the mask. */
    static String maskLine(String line, int lineNumber, Iterable<Diagnostic> findings) {
        String out = line;
        for (Diagnostic d : findings) {
            if (!d.code().equals("IDF601")) {
                continue;
            }
            SourceSpan s = d.span();
            if (s.startLine() > lineNumber || s.endLine() < lineNumber) {
                continue;
            }
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
