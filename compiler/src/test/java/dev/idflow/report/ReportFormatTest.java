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

class ReportFormatTest {

    @Test
    void namesAndFilesAreThoseOfTooling() {
        assertThat(ReportFormat.parse("json").fileName()).isEqualTo("idflow.json");
        assertThat(ReportFormat.parse("sarif").fileName()).isEqualTo("idflow.sarif");
        assertThat(ReportFormat.parse("junit").fileName()).isEqualTo("idflow.junit.xml");
        assertThat(ReportFormat.parse("markdown").fileName()).isEqualTo("idflow.md");
        assertThat(ReportFormat.parse("text").fileName()).isNull();
        assertThat(ReportFormat.parse("github").fileName()).isNull();
        assertThat(ReportFormat.parse("JSON")).isNull();
        assertThat(ReportFormat.parse("pdf")).isNull();
    }

    @Test
    void writesOnlyTheFileFormatsAndReplacesThemWhole(@TempDir Path dir) throws Exception {
        Analysis analysis = TestRepo.checkText("policy \"p\" { max-exception 72h  max-break-glass 4h }\n");
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("idflow.json"), "stale ".repeat(10_000));
        List<Path> written = ReportFormat.writeFiles(analysis, FailLevel.ERROR,
                List.of(ReportFormat.TEXT, ReportFormat.JSON), reports);
        assertThat(written).containsExactly(reports.resolve("idflow.json"));
        assertThat(Files.readString(reports.resolve("idflow.json")))
                .isEqualTo(ReportFormat.JSON.render(analysis, FailLevel.ERROR));
        try (var files = Files.list(reports)) {
            assertThat(files).containsExactly(reports.resolve("idflow.json"));
        }
    }
}
