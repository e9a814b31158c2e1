package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.Identity;
import dev.idflow.pipeline.Analysis;
import org.junit.jupiter.api.Test;

/** The AWS identity policy document of TARGETS.md, as {@link AwsPolicySize} builds and measures it. */
class AwsPolicySizeTest {

    @Test
    void documentHasTheStructureOfTargetsMd() {
        Analysis a = TestRepo.checkText("""
                policy "shop" { max-exception 72h }
                system servicenow { kind itsm can approve, audit }
                system aws-prod { kind aws-iam account "123456789012" can provision, revoke, rotate, expire, audit }
                source create, update, suspend, delete from servicenow
                owner platform-team { contact "platform@shop.example" }
                identity orders-api {
                  kind workload  owner platform-team  expires 2027-12-31
                  binding s3-orders { issuer aws-prod  expires 2027-06-30
                    allow "s3:PutObject", "s3:GetObject" on "arn:aws:s3:::b/*"
                    allow "s3:GetObject" on "arn:aws:s3:::a/*" }
                  token s3orders { issuer aws-prod  ttl 1h  allow "s3:ListBucket" on "arn:aws:s3:::a" }
                  binding empty { issuer aws-prod  expires 2027-06-30 }
                }
                """);
        assertThat(a.diagnostics()).noneMatch(d -> d.code().startsWith("IDF0"));
        Identity i = a.policy().identities().get("orders-api");
        String doc = AwsPolicySize.document(AwsPolicySize.statements(i, "aws-prod"));
        assertThat(doc).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"s3orders\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::a/*\",\"arn:aws:s3:::b/*\"],"
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-07-01T00:00:00Z\"}}},"
                + "{\"Sid\":\"s3orders2\",\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\"],"
                + "\"Resource\":[\"arn:aws:s3:::a\"],"
                + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2028-01-01T00:00:00Z\"}}}]}");
        assertThat(AwsPolicySize.size(AwsPolicySize.statements(i, "aws-prod"))).isEqualTo(doc.length());
        assertThat(AwsPolicySize.statements(i, "other")).isEmpty();
    }

    @Test
    void sizeCountsNoWhiteSpaceAndEscapesAsJson() {
        assertThat(AwsPolicySize.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        var s = new AwsPolicySize.Statement("x", new java.util.TreeSet<>(java.util.List.of("s3:Get Object")),
                new java.util.TreeSet<>(java.util.List.of("*")), null);
        assertThat(AwsPolicySize.size(java.util.List.of(s)))
                .isEqualTo(AwsPolicySize.document(java.util.List.of(s)).length() - 1);
    }
}
