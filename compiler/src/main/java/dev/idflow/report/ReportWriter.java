package dev.idflow.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            Files.createDirectories(reportDir);
            Path target = reportDir.resolve(f.fileName());
            Path temp = Files.createTempFile(reportDir, ".idflow", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        out.flush();
    }
}
