package dev.idflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.SourceFile;
import dev.idflow.pipeline.Analysis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source excerpt under a finding: the exact line, whatever the line ends and wherever it stands. */
class TextReportTest {

    @Test
    void showsTheLineWithoutItsCarriageReturn() {
        Analysis a = TestRepo.checkText("policy \"p\"\r\nidentity web {\r\n  kind workload  owner nobody\r\n}\r\n");
        assertThat(new TextReport(false).render(a)).isEqualTo("""
                policy.idflow:3:24: error[IDF003]: unknown owner `nobody`
                    3 |   kind workload  owner nobody
                      |                        ^^^^^^
                idflow: 1 error, 0 warnings, 0 infos in 1 file
                """);
    }

    @Test
    void showsTheLastLineOfAFileWithoutAFinalLineBreak() {
        Analysis a = TestRepo.checkText("policy \"p\"\nidentity web { kind workload  owner nobody }");
        assertThat(new TextReport(false).render(a)).contains("""
                    2 | identity web { kind workload  owner nobody }
                      |                                     ^^^^^^
                """);
    }

    @Test
    void showsAFileWithAByteOrderMarkAsTheParserReadItTheMarkASpace() {
        Analysis a = TestRepo.checkText("\uFEFFpolicy \"p\"\nidentity web { kind workload  owner nobody }\n");
        assertThat(new TextReport(false).render(a)).contains("""
                    2 | identity web { kind workload  owner nobody }
                      |                                     ^^^^^^
                """);
        assertThat(a.text("policy.idflow")).startsWith(" policy \"p\"\n");
    }

    /** The report decodes one file at a time; each finding's line still comes from its own file. */
    @Test
    void showsEachFindingsLineFromItsOwnFile() {
        Analysis a = TestRepo.checkFiles(List.of(
                new SourceFile("a.idflow", "policy \"p\"\nidentity web { kind workload  owner nobody }\n"
                        .getBytes(StandardCharsets.UTF_8)),
                new SourceFile("b.idflow", "\n\nidentity api { kind workload  owner ghost }\n"
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(new TextReport(false).render(a))
                .contains("a.idflow:2:37: error[IDF003]: unknown owner `nobody`\n"
                        + "    2 | identity web { kind workload  owner nobody }\n")
                .contains("b.idflow:3:37: error[IDF003]: unknown owner `ghost`\n"
                        + "    3 | identity api { kind workload  owner ghost }\n");
    }
}
