package dev.idflow.report;

import dev.idflow.check.SecretPatterns;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of every report: the text that an IDF601 finding stands on is
 * shown as {@code ****}, in the source excerpt as in every other format; so is any string
 * literal of an excerpt that looks like a secret, for the excerpts of a policy whose language
 * errors kept the checks (and IDF601) from running.
 */
final class Secrets {

    static final String MASK = "****";
    /** A string literal of a source line, or its unterminated rest. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"?");

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
     * The source line with the spans of every secret of its file on it, and every string
     * literal on it that looks like a secret, replaced by the mask, so that the excerpt of any
     * finding on that line hides the secret. Spans are replaced from
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
        Matcher m = LITERAL.matcher(line);
        while (m.find()) {
            String literal = m.group();
            String body = literal.length() > 1 && literal.endsWith("\"")
                    ? literal.substring(1, literal.length() - 1) : literal.substring(1);
            if (SecretPatterns.find(body) != null) {
                spans.add(new SourceSpan("excerpt", lineNumber, line.codePointCount(0, m.start()) + 1, lineNumber,
                        line.codePointCount(0, m.end()) + 1));
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
