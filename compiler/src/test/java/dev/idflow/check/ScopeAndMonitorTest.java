package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import org.junit.jupiter.api.Test;

/** The IDF5xx-IDF9xx findings reach the waivers of their place and are lowered by `mode monitor`. */
class ScopeAndMonitorTest {

    private static final String HEAD = """
            policy "shop" { max-exception 72h }
            system servicenow { kind itsm can approve, audit }
            system aws-prod { kind aws-iam account "123456789012" can provision, revoke, rotate, expire, audit MODE }
            source create, update, suspend, delete from servicenow
            owner platform-team { contact "platform@shop.example" }
            """;

    private static final String IDENTITY = """
            identity orders-api {
              kind workload  owner platform-team
              IDENTITY_WAIVER
              token t { issuer aws-prod  ttl 13h  allow "s3:*" on "arn:aws:s3:::b/*"
                description_free "AKIAIOSFODNN7EXAMPLE"
                CREDENTIAL_WAIVER }
            }
            """.replace("description_free", "path");

    @Test
    void defaultSeverities() {
        Analysis a = check("", "", "");
        assertThat(severity(a, "IDF901")).isEqualTo(Severity.ERROR);
        assertThat(severity(a, "IDF501")).isEqualTo(Severity.WARNING);
        assertThat(severity(a, "IDF601")).isEqualTo(Severity.ERROR);
    }

    @Test
    void monitorModeOfTheIssuerLowersErrorsToWarnings() {
        Analysis a = check("mode monitor", "", "");
        assertThat(severity(a, "IDF901")).isEqualTo(Severity.WARNING);
        assertThat(severity(a, "IDF601")).isEqualTo(Severity.WARNING);
        assertThat(severity(a, "IDF501")).isEqualTo(Severity.WARNING);
    }

    @Test
    void waiversInTheCredentialAndItsIdentityReachTheFindings() {
        Analysis a = check("", "waive IDF601 \"rotated, see INC-1\" until 2027-01-31",
                "waive IDF901 \"role limit raised, CHG-2\" until 2027-01-31");
        assertThat(severity(a, "IDF601")).isEqualTo(Severity.INFO);
        assertThat(severity(a, "IDF901")).isEqualTo(Severity.INFO);
        assertThat(severity(a, "IDF501")).isEqualTo(Severity.WARNING);
    }

    private static Analysis check(String mode, String identityWaiver, String credentialWaiver) {
        Analysis a = TestRepo.checkText(HEAD.replace("MODE", mode) + IDENTITY.replace("IDENTITY_WAIVER", identityWaiver)
                .replace("CREDENTIAL_WAIVER", credentialWaiver));
        assertThat(a.diagnostics()).noneMatch(d -> d.code().startsWith("IDF0"));
        return a;
    }

    private static Severity severity(Analysis a, String code) {
        return a.diagnostics().stream().filter(d -> d.code().equals(code)).map(Diagnostic::severity).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + a.diagnostics()));
    }
}
