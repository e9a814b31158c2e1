package dev.idflow.report;

import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The output formats of TOOLING.md as the Maven plugin names them, with the file each one is
 * written to under a report folder; {@link #format()} is the command line's {@link Format}
 * of the same name, so both render through the same reports.
 */
public enum ReportFormat {
    TEXT(null), JSON("idflow.json"), SARIF("idflow.sarif"), JUNIT("idflow.junit.xml"), GITHUB(null),
    MARKDOWN("idflow.md");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The name users write: {@code text}, {@code json}, {@code sarif}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a format name; null for a name TOOLING.md does not define. */
    public static ReportFormat parse(String word) {
        for (ReportFormat f : values()) {
            if (f.word().equals(word)) {
                return f;
            }
        }
        return null;
    }

    /** The file name under a report folder, or null for a format that stays on the console. */
    public String fileName() {
        return fileName;
    }

    /** The same format as the command line's {@code --format} names it. */
    public Format format() {
        return Format.valueOf(name());
    }

    /** The report of a check, rendered as {@code idflow check --format} renders it (text without colours). */
    public String render(Analysis analysis, FailLevel failOn) {
        return switch (this) {
            case TEXT -> new TextReport(false).render(analysis);
            case JSON -> new JsonReport(Version.get()).render(analysis, failOn);
            case SARIF -> new SarifReport(Version.get()).render(analysis, analysis.diagnostics());
            case JUNIT -> JunitReport.render(analysis, analysis.diagnostics(), failOn);
            case GITHUB -> GithubReport.render(analysis, analysis.diagnostics());
            case MARKDOWN -> MarkdownReport.render(analysis, failOn);
        };
    }

    /** Writes the report files of a check; see {@link #writeFiles(Collection, Path, Function)}. */
    public static List<Path> writeFiles(Analysis analysis, FailLevel failOn, Collection<ReportFormat> formats,
            Path dir) throws IOException {
        return writeFiles(formats, dir, f -> f.render(analysis, failOn));
    }

    /**
     * Writes every format that has a file name to {@code dir} (created when missing), each
     * file replaced whole, and returns the files written in the order given.
     *
     * @param render the text of each format (a check's, a diff's)
     */
    public static List<Path> writeFiles(Collection<ReportFormat> formats, Path dir, Function<ReportFormat, String> render)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            if (f.fileName() == null) {
                continue;
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(f.fileName());
            Path tmp = Files.createTempFile(dir, f.fileName(), ".tmp");
            try {
                Files.writeString(tmp, render.apply(f), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(target);
        }
        return written;
    }
}
