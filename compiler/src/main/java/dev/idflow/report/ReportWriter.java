package dev.idflow.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Sends each chosen format where TOOLING.md says: to stdout in the order given, or, with a
 * report folder, the file formats to their files there (written atomically) and the rest to stdout.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * @param render the rendered text of each format
     * @throws IOException when the report folder cannot be written
     */
    public static void write(List<Format> formats, Path reportDir, PrintWriter out, Function<Format, String> render)
            throws IOException {
        for (Format f : formats) {
            String text = render.apply(f);
            if (reportDir == null || f.fileName() == null) {
                out.print(text);
                continue;
            }
            writeAtomically(reportDir, f.fileName(), text);
        }
        out.flush();
    }

    /**
     * Writes every format that has a file name to {@code dir} (created when missing), each
     * file replaced whole, and returns the files written in the order given; formats without
     * a file (text, github) are left to the caller. The Maven plugin reports this way.
     */
    public static List<Path> writeFiles(Collection<Format> formats, Path dir, Function<Format, String> render)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (Format f : formats) {
            if (f.fileName() != null) {
                written.add(writeAtomically(dir, f.fileName(), render.apply(f)));
            }
        }
        return written;
    }

    private static Path writeAtomically(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path temp = Files.createTempFile(dir, ".idflow", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
