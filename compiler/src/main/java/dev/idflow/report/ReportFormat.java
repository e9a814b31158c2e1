package dev.idflow.report;

import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The output formats of TOOLING.md, the file each one is written to under a report folder,
 * and whether this build renders it yet. The command line and the Maven plugin both read
 * format names and write report files through this one place.
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

    /** True when this build has a renderer for the format. */
    public boolean rendered() {
        return this == TEXT || this == JSON;
    }

    /** The report as text; only for a {@link #rendered()} format. */
    public String render(Analysis analysis, FailLevel failOn) {
        return switch (this) {
            case TEXT -> new TextReport(false).render(analysis);
            case JSON -> new JsonReport(Version.get()).render(analysis, failOn);
            default -> throw new UnsupportedOperationException("no renderer for " + word() + " yet");
        };
    }

    /**
     * Writes every format that has a file name to {@code dir} (created when missing), each
     * file replaced whole, and returns the files written in the order given.
     */
    public static List<Path> writeFiles(Analysis analysis, FailLevel failOn, Collection<ReportFormat> formats,
            Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            if (f.fileName() == null) {
                continue;
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(f.fileName());
            Path tmp = Files.createTempFile(dir, f.fileName(), ".tmp");
            Files.writeString(tmp, f.render(analysis, failOn));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }
}
