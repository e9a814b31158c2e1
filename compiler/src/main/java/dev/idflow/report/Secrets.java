package dev.idflow.report;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keeps secret values out of every report: the text that an IDF601 finding stands on is
 * shown as {@code ****}, in the source excerpt as in every other format.
 */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {
    }

    /** The spans of the secret (IDF601) findings, by file, to hand to {@link #maskLine}. */
    static Map<String, List<SourceSpan>> byFile(List<Diagnostic> findings) {
        Map<String, List<SourceSpan>> out = new HashMap<>();
        for (Diagnostic d : findings) {
            if (d.code().equals("IDF601")) {
                out.computeIfAbsent(d.span().file(), f -> new ArrayList<>()).add(d.span());
            }
        }
        return out;
    }

    /**
     * The source line with the spans of every secret of its file on it replaced by the mask,
     * so that the excerpt of any finding on that line hides the secret. Spans are replaced from
     * the right, so that a replacement does not move the columns of the next one.
     *
     * @param secrets the spans of the secret findings of the line's file ({@link #byFile})
     */
    static String maskLine(String line, int lineNumber, List<SourceSpan> secrets) {
        TreeSet<SourceSpan> spans = new TreeSet<>(Comparator.comparingInt(SourceSpan::startLine)
                .thenComparingInt(SourceSpan::startCol).reversed());
        for (SourceSpan s : secrets) {
            if (s.startLine() <= lineNumber && s.endLine() >= lineNumber) {
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
