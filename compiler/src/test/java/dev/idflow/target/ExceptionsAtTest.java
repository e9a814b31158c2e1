package dev.idflow.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionsAtTest {

    private static final String POLICY = TestRepo.CLOUD_HEAD + """
            identity loader { kind pipeline owner platform-team
              binding s3 { issuer aws-prod ttl 1h allow "s3:GetObject" on "arn:aws:s3:::b/*" }
              binding s3-write { issuer aws-prod ttl 1h allow "s3:PutObject" on "arn:aws:s3:::b/*" }
              token vault { issuer vault-main ttl 1h allow "read" on "secret/data/loader/*" }
              binding bq { issuer gcp-data expires 2027-06-30 allow "roles/bigquery.dataViewer" }
            }
            exception zeta { grant loader.s3 to "user:a@shop.example" grant loader.vault to "user:a@shop.example"
              approver platform-team ticket "CHG-1" reason "restore" from 2027-01-01T00:00:00Z for 24h }
            exception alpha { grant loader.bq to "user:a@shop.example"
              approver platform-team ticket "CHG-2" reason "debug" from 2027-01-01T00:00:00Z for 24h }
            exception both { grant loader.s3 to "user:a@shop.example" grant loader.s3-write to "user:a@shop.example"
              approver platform-team ticket "CHG-3" reason "restore" from 2027-01-01T00:00:00Z for 24h }
            """;

    @Test
    void eachSystemHasTheExceptionsThatGrantACredentialItIssuesOnceInPolicyOrder() {
        Policy policy = TestRepo.checkText(POLICY).policy();
        Map<String, List<ExceptionGrant>> at = ExceptionsAt.bySystem(policy);
        assertThat(at).containsOnlyKeys("aws-prod", "vault-main", "gcp-data");
        assertThat(at.get("aws-prod")).extracting(ExceptionGrant::name).containsExactly("both", "zeta");
        assertThat(at.get("vault-main")).extracting(ExceptionGrant::name).containsExactly("zeta");
        assertThat(at.get("gcp-data")).extracting(ExceptionGrant::name).containsExactly("alpha");
    }
}
