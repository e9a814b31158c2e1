package dev.idflow.report;

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

    /** Reads {@code --format} words; throws {@link IllegalArgumentException} naming an unknown one. */
    public static List<Format> parse(List<String> words) {
        List<Format> out = new ArrayList<>();
        for (String w : words) {
            Format f = null;
            for (Format candidate : values()) {
                if (candidate.word().equals(w.trim())) {
                    f = candidate;
                }
            }
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
