package dev.idflow.report;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Related;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The human format: {@code file:line:col: severity[CODE]: message}, the source line with a
 * caret underline, the suggestion, and a summary line last. Colours only when asked (on a
 * terminal without {@code NO_COLOR}).
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String BLUE = "\u001b[34m";

    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    public String render(Analysis analysis) {
        StringBuilder b = new StringBuilder();
        CurrentFile lines = new CurrentFile(analysis);
        Map<String, List<SourceSpan>> secrets = Secrets.byFile(analysis.diagnostics());
        for (Diagnostic d : analysis.diagnostics()) {
            header(b, analysis, d);
            excerpt(b, analysis, d, lines, secrets.getOrDefault(d.span().file(), List.of()));
            if (d.help() != null) {
                b.append("      = ").append(paint(CYAN, "help")).append(": ").append(d.help()).append('\n');
            }
            for (Related r : d.related()) {
                b.append("      = ").append(paint(CYAN, "note")).append(": ").append(r.message()).append(": ")
                        .append(analysis.display(r.span().file())).append(':').append(r.span().startLine())
                        .append(':').append(r.span().startCol()).append('\n');
            }
        }
        b.append(summary(analysis)).append('\n');
        return b.toString();
    }

    /** The first line of a finding, exactly as CHECKS.md and TOOLING.md write it. */
    public static String line(Analysis analysis, Diagnostic d) {
        SourceSpan s = d.span();
        return analysis.display(s.file()) + ":" + s.startLine() + ":" + s.startCol() + ": " + d.severity().word()
                + "[" + d.code() + "]: " + d.message();
    }

    private void header(StringBuilder b, Analysis analysis, Diagnostic d) {
        if (!colour) {
            b.append(line(analysis, d)).append('\n');
            return;
        }
        SourceSpan s = d.span();
        String sev = d.severity().word() + "[" + d.code() + "]";
        String c = d.severity() == Severity.ERROR ? RED : d.severity() == Severity.WARNING ? YELLOW : BLUE;
        b.append(BOLD).append(analysis.display(s.file())).append(':').append(s.startLine()).append(':')
                .append(s.startCol()).append(": ").append(RESET).append(paint(BOLD + c, sev)).append(": ")
                .append(paint(BOLD, d.message())).append('\n');
    }

    private void excerpt(StringBuilder b, Analysis analysis, Diagnostic d, CurrentFile cache,
            List<SourceSpan> secrets) {
        SourceSpan s = d.span();
        Lines fileLines = cache.lines(s.file());
        if (s.startLine() > fileLines.count()) {
            return;
        }
        String raw = fileLines.line(s.startLine()).replace("\t", " ");
        String shown = Secrets.maskLine(raw, s.startLine(), secrets);
        if (shown.length() > 200) {
            return;
        }
        String number = String.valueOf(s.startLine());
        String pad = " ".repeat(Math.max(0, 5 - number.length()));
        b.append(pad).append(paint(BLUE, number)).append(" | ").append(shown).append('\n');
        int width = s.endLine() == s.startLine() ? Math.max(1, s.endCol() - s.startCol()) : 1;
        if (d.code().equals("IDF601")) {
            width = Secrets.MASK.length() + 2;
        }
        b.append("      | ").append(" ".repeat(s.startCol() - 1)).append(paint(RED, "^".repeat(width))).append('\n');
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /** {@code idflow: 1 error, 2 warnings, 0 infos in 9 files}. */
    public static String summary(Analysis analysis) {
        long e = analysis.count(Severity.ERROR);
        long w = analysis.count(Severity.WARNING);
        long i = analysis.count(Severity.INFO);
        int files = analysis.sources().size();
        return "idflow: " + plural(e, "error") + ", " + plural(w, "warning") + ", " + plural(i, "info") + " in "
                + plural(files, "file");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * The lines of the file of the findings being rendered. Findings come sorted by file, so one
     * file at a time is decoded and split, and the last one dropped: a report of a large policy
     * (rendered while compile's emitters still write) then never holds every file's text.
     */
    private static final class CurrentFile {
        private final Analysis analysis;
        private String file;
        private Lines lines;

        CurrentFile(Analysis analysis) {
            this.analysis = analysis;
        }

        Lines lines(String path) {
            if (!path.equals(file)) {
                file = path;
                lines = new Lines(analysis.text(path));
            }
            return lines;
        }
    }

    /** The lines of one file, found once by their starts, so that a thousand findings do not split it a thousand times. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        /** The lines of {@code text}; none when the text is unknown (null). */
        Lines(String text) {
            this.text = text == null ? "" : text;
            if (text == null) {
                starts = new int[0];
                return;
            }
            int[] found = new int[64];
            int n = 1;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = nl + 1;
            }
            starts = Arrays.copyOf(found, n);
        }

        int count() {
            return starts.length;
        }

        /** Line {@code n} (from 1) without its line end ({@code \n} or {@code \r\n}). */
        String line(int n) {
            int start = starts[n - 1];
            int end = n < starts.length ? starts[n] - 1 : text.length();
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            return text.substring(start, end);
        }
    }
}
