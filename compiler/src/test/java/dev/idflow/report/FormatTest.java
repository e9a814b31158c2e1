package dev.idflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format names and report files of TOOLING.md, and how report files are written. */
class FormatTest {

    @Test
    void namesAndFilesAreThoseOfTooling() {
        assertThat(Format.of("json").fileName()).isEqualTo("idflow.json");
        assertThat(Format.of("sarif").fileName()).isEqualTo("idflow.sarif");
        assertThat(Format.of("junit").fileName()).isEqualTo("idflow.junit.xml");
        assertThat(Format.of("markdown").fileName()).isEqualTo("idflow.md");
        assertThat(Format.of("text").fileName()).isNull();
        assertThat(Format.of("github").fileName()).isNull();
        assertThat(Format.of("JSON")).isNull();
        assertThat(Format.of("pdf")).isNull();
    }

    @Test
    void writesOnlyTheFileFormatsAndReplacesThemWhole(@TempDir Path dir) throws Exception {
        Analysis analysis = TestRepo.checkText("policy \"p\" { max-exception 72h  max-break-glass 4h }\n");
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("idflow.json"), "stale ".repeat(10_000));
        List<Path> written = ReportWriter.writeFiles(List.of(Format.TEXT, Format.JSON), reports,
                f -> f.renderCheck(analysis, FailLevel.ERROR, false));
        assertThat(written).containsExactly(reports.resolve("idflow.json"));
        assertThat(Files.readString(reports.resolve("idflow.json")))
                .isEqualTo(Format.JSON.renderCheck(analysis, FailLevel.ERROR, false));
        try (var files = Files.list(reports)) {
            assertThat(files).containsExactly(reports.resolve("idflow.json"));
        }
    }
}
