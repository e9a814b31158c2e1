package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Codes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule metadata is the single source of {@code explain}, the docs and SARIF: every code
 * of CHECKS.md has a registered rule with a title, a summary, an explanation, its OWASP and
 * NIST mapping where CHECKS.md gives one, and a golden sample folder; every sample folder
 * belongs to a rule (checkstyle's AllChecksTest, error-prone's BugPatternValidator).
 */
class RuleMetadataTest {

    @Test
    void everyCodeOfTheSpecificationHasARule() {
        assertThat(Rules.all()).extracting(RuleInfo::code).containsExactlyElementsOf(Codes.ALL);
    }

    @Test
    void everyRuleIsDocumented() {
        for (RuleInfo r : Rules.all()) {
            assertThat(r.title()).as(r.code()).isNotBlank();
            assertThat(r.summary()).as(r.code()).isNotBlank();
            assertThat(r.explanation()).as(r.code()).isNotBlank();
            assertThat(Explanation.brokenExample(r.code())).as("broken example of %s", r.code()).isNotNull();
            assertThat(Explanation.fixedExample(r.code())).as("fixed example of %s", r.code()).isNotNull();
            boolean mapped = r.code().compareTo("IDF101") >= 0 && r.code().compareTo("IDF800") < 0;
            if (mapped) {
                assertThat(r.owasp()).as("OWASP id of %s", r.code()).matches("NHI([1-9]|10)");
                assertThat(r.nist()).as("NIST id of %s", r.code()).matches("[A-Z]{2}\\.[A-Z]{2}-[0-9]{2}");
            }
        }
    }

    @Test
    void everySampleFolderBelongsToARuleAndHasItsParts() throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(TestRepo.samples().resolve("checks"))) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(Codes.ALL);
        for (Path f : folders) {
            assertThat(f.resolve("broken/policy.idflow")).exists();
            assertThat(f.resolve("fixed/policy.idflow")).exists();
            assertThat(f.resolve("expected.txt")).exists();
        }
    }

    @Test
    void everyMessageOfARuleIsInTheCatalogue() {
        for (Check c : Checker.CHECKS) {
            assertThat(dev.idflow.model.diag.Messages.hasPrefix(c.info().code() + "."))
                    .as("message templates of %s", c.info().code()).isTrue();
        }
    }
}
