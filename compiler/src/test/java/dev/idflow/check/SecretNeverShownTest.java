package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.report.JsonReport;
import dev.idflow.report.TextReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IDF601: a secret value never appears in any output: not in a message, help or subject of
 * any finding (also of other codes that stand on the same string), not in the text format's
 * source excerpt, not in the JSON format.
 */
class SecretNeverShownTest {

    private static final List<String> SECRETS = List.of(
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
            "glpat-Zx81kQ0pLm3NbV7cXy2W",
            "xoxb-20418-k3Jd9XqLm2Vb",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvcnRzIn0.c2lnbmF0dXJl",
            "-----BEGIN EC PRIVATE KEY-----",
            "k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt");

    private static final String POLICY = TestRepo.CLOUD_HEAD + """
            owner secops { contact "secops@shop.example" }
            identity orders-api {
              kind workload  owner platform-team
              description "key AKIAIOSFODNN7EXAMPLE was here"
              binding s3 { issuer aws-prod  ttl 2h  allow "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "s3:*" on "glpat-Zx81kQ0pLm3NbV7cXy2W" }
              binding bq { issuer gcp-data  expires 2027-01-31  member "xoxb-20418-k3Jd9XqLm2Vb"  allow "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvcnRzIn0.c2lnbmF0dXJl" }
              token vault { issuer vault-main  ttl 1h  allow "read" on "a/*/-----BEGIN EC PRIVATE KEY-----" }
            }
            identity reports {
              kind workload  owner platform-team
              binding bq { issuer gcp-data  expires 2027-01-31  member "xoxb-20418-k3Jd9XqLm2Vb"  allow "roles/viewer" }
            }
            exception debug {
              grant orders-api.s3 to "user:alice@shop.example"
              approver secops  ticket "INC-1"  reason "k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt"
              from 2027-01-12T09:00:00Z for 4h  break-glass
            }
            """;

    @Test
    void aSecretIsMaskedInTheExcerptOfALanguageErrorToo() {
        // a language error stops the checks, so no IDF601 stands on these strings
        Analysis wrongAttribute = TestRepo.checkText("policy \"p\"\n"
                + "system sn { kind itsm  can approve  address \"https://x/k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt\" }\n");
        Analysis unterminated = TestRepo.checkText("policy \"p\"\nowner o { contact \"AKIAIOSFODNN7EXAMPLE\n");
        assertThat(wrongAttribute.diagnostics()).extracting(Diagnostic::code).containsExactly("IDF008");
        assertThat(unterminated.diagnostics()).extracting(Diagnostic::code).containsExactly("IDF001");
        assertThat(new TextReport(false).render(wrongAttribute))
                .doesNotContain("k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt").contains("address \"****\" }");
        assertThat(new TextReport(false).render(unterminated))
                .doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("contact ****");
    }

    @Test
    void aSecretMasksOnlyTheLinesOfItsOwnFile() {
        // the same line and columns in two files: the secret of a.idflow must not mask b.idflow's owner
        String a = "identity app {\n  kind workload  owner platform-team\n  description \"k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt\"\n}\n";
        String b = "identity web {\n  kind workload  owner platform-team\n"
                + "  token t { issuer vault-main  revoker servicenow  ttl 1h  allow \"read\" on \"secret/web\" }\n}\n";
        Analysis result = TestRepo.checkFiles(List.of(
                new dev.idflow.model.SourceFile("a.idflow", a.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new dev.idflow.model.SourceFile("b.idflow", b.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new dev.idflow.model.SourceFile("policy.idflow", POLICY.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String text = new TextReport(false).render(result);
        assertThat(text).doesNotContain("k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt");
        assertThat(text).contains(
                "    3 |   token t { issuer vault-main  revoker servicenow  ttl 1h  allow \"read\" on \"secret/web\" }");
    }

    @Test
    void everySecretIsFoundAndNoFormatShowsIt() {
        Analysis a = TestRepo.checkText(POLICY);
        assertThat(a.diagnostics()).noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(a.diagnostics().stream().filter(d -> d.code().equals("IDF601")).count())
                .as("one IDF601 per secret string").isEqualTo(8);
        // findings of other codes stand on the same strings (IDF903, IDF904, IDF504, IDF909...)
        assertThat(a.diagnostics().stream().map(Diagnostic::code).distinct().count()).isGreaterThan(4);

        String text = new TextReport(false).render(a);
        String json = new JsonReport("test").render(a, FailLevel.ERROR);
        for (String secret : SECRETS) {
            assertThat(text).as("text report").doesNotContain(secret);
            assertThat(json).as("json report").doesNotContain(secret);
            for (Diagnostic d : a.diagnostics()) {
                assertThat(d.message()).doesNotContain(secret);
                assertThat(String.valueOf(d.help())).doesNotContain(secret);
                assertThat(d.subject()).doesNotContain(secret);
            }
        }
        assertThat(text).contains("\"****\"");
    }

    @Test
    void theTestWouldSeeALeak() {
        Analysis a = TestRepo.checkText(POLICY.replace("ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "GetObject"));
        assertThat(new TextReport(false).render(a)).contains("GetObject");
    }
}
