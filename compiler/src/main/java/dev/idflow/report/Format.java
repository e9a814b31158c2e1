package dev.idflow.report;

import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output formats of {@code check} and {@code diff}. With a report folder, the file
 * formats go to their file there and {@code text} and {@code github} stay on stdout.
 */
public enum Format {
    TEXT(null), JSON("idflow.json"), SARIF("idflow.sarif"), JUNIT("idflow.junit.xml"), GITHUB(null),
    MARKDOWN("idflow.md");

    private final String fileName;

    Format(String fileName) {
        this.fileName = fileName;
    }

    /** The file this format is written to in a report folder, or null when it stays on stdout. */
    public String fileName() {
        return fileName;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code word} ({@code text}, {@code json}, ...), or null for a name TOOLING.md does not define. */
    public static Format of(String word) {
        for (Format f : values()) {
            if (f.word().equals(word)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The report of a check in this format, exactly as {@code idflow check --format} renders
     * it; {@code colour} only matters for {@code text}.
     */
    public String renderCheck(Analysis analysis, FailLevel failOn, boolean colour) {
        return switch (this) {
            case TEXT -> new TextReport(colour).render(analysis);
            case JSON -> new JsonReport(Version.get()).render(analysis, failOn);
            case SARIF -> new SarifReport(Version.get()).render(analysis, analysis.diagnostics());
            case JUNIT -> JunitReport.render(analysis, analysis.diagnostics(), failOn);
            case GITHUB -> GithubReport.render(analysis, analysis.diagnostics());
            case MARKDOWN -> MarkdownReport.render(analysis, failOn);
        };
    }

    /** Reads {@code --format} words; throws {@link IllegalArgumentException} naming an unknown one. */
    public static List<Format> parse(List<String> words) {
        List<Format> out = new ArrayList<>();
        for (String w : words) {
            Format f = of(w.trim());
            if (f == null) {
                throw new IllegalArgumentException("unknown --format `" + w
                        + "`: expected text, json, sarif, junit, github or markdown");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
