package dev.idflow.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.pipeline.Analysis;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The AWS policy documents of TARGETS.md, as {@link AwsPolicy} builds and measures them. */
class AwsPolicyTest {

    private static final String POLICY = """
            policy "shop" { max-exception 72h }
            system servicenow { kind itsm can approve, audit }
            system aws-prod { kind aws-iam account "123456789012" can provision, revoke, rotate, expire, audit }
            source create, update, suspend, delete from servicenow
            owner platform-team { contact "platform@shop.example" }
            identity orders-api {
              kind workload  owner platform-team  expires 2027-12-31
              binding s3-orders { issuer aws-prod  expires 2027-06-30
                allow "s3:PutObject", "s3:GetObject" on "arn:aws:s3:::b/*"
                allow "s3:GetObject" on "arn:aws:s3:::a/*"
                allow "s3:DeleteObject" on "arn:aws:s3:::b/*" }
              token s3orders { issuer aws-prod  ttl 1h  allow "s3:ListBucket" on "arn:aws:s3:::a" }
              binding empty { issuer aws-prod  expires 2027-06-30 }
            }
            exception hotfix {
              grant orders-api.s3orders to "user:oncall@shop.example"
              approver platform-team
              ticket "CHG-1"
              reason "hotfix"
              from 2027-01-01T00:00:00Z for 24h
            }
            """;

    private static Policy policy() {
        Analysis a = TestRepo.checkText(POLICY);
        assertThat(a.diagnostics()).noneMatch(d -> d.code().startsWith("IDF0"));
        return a.policy();
    }

    @Test
    void anIdentitysDocumentHasOneStatementPerCredentialAndSetOfResources() {
        Policy p = policy();
        Identity i = p.identities().get("orders-api");
        List<Credential> credentials = List.copyOf(i.credentials().values());
        List<AwsPolicy.Statement> statements = AwsPolicy.identityStatements(p, credentials);
        String doc = AwsPolicy.document(null, statements);
        assertThat(doc).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"S3Orders\",\"Effect\":\"Allow\",\"Action\":[\"s3:DeleteObject\",\"s3:GetObject\","
                + "\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"],"
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-07-01T00:00:00Z\"}}},"
                + "{\"Sid\":\"S3Orders2\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::a/*\"],"
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-07-01T00:00:00Z\"}}},"
                + "{\"Sid\":\"S3orders\",\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\"],"
                + "\"Resource\":[\"arn:aws:s3:::a\"],"
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2028-01-01T00:00:00Z\"}}}]}");
        assertThat(AwsPolicy.size(null, statements)).isEqualTo(doc.length());
    }

    @Test
    void anExceptionsDocumentHasItsIdAndItsWindow() {
        Policy p = policy();
        var e = p.exceptions().get("hotfix");
        List<AwsPolicy.Statement> statements = AwsPolicy.exceptionStatements(p, e, "aws-prod");
        assertThat(AwsPolicy.document(AwsPolicy.exceptionId(e), statements)).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Id\":\"idflow-exception-hotfix\",\"Statement\":["
                        + "{\"Sid\":\"OrdersApiS3orders\",\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\"],"
                        + "\"Resource\":[\"arn:aws:s3:::a\"],\"Condition\":{"
                        + "\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"},"
                        + "\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-02T00:00:00Z\"}}}]}");
        assertThat(AwsPolicy.exceptionStatements(p, e, "other")).isEmpty();
    }

    @Test
    void sizeCountsNoWhiteSpaceAndEscapesAsJson() {
        assertThat(AwsPolicy.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
        var s = new AwsPolicy.Statement("x", new TreeSet<>(List.of("s3:Get Object")), new TreeSet<>(List.of("*")),
                null, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(AwsPolicy.size(null, List.of(s))).isEqualTo(AwsPolicy.document(null, List.of(s)).length() - 1);
    }

    @Test
    void statementIdsAreLettersAndDigitsAndUnique() {
        AwsPolicy.Sids sids = new AwsPolicy.Sids();
        assertThat(List.of(sids.next("s3-writer"), sids.next("s3_writer"), sids.next("S3Writer"), sids.next("_"),
                sids.next("__"))).containsExactly("S3Writer", "S3Writer2", "S3Writer3", "Grant", "Grant2");
    }
}
