package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.io.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rules of TARGETS.md that the samples do not all exercise. */
class CloudRulesTest {

    private static final String HEAD = """
            policy "rules"
            system itsm  { kind itsm can approve, audit }
            system aws-a { kind aws-iam account "123456789012" can provision, revoke, expire, audit }
            system aws-m { kind aws-iam account "123456789013" can provision, revoke, expire mode monitor }
            system gcp-a { kind gcp-iam project "rules-project" can provision, revoke, expire }
            system vlt   { kind vault can provision, revoke, expire, audit }
            source create, update, delete, suspend from itsm
            owner team { contact "team@example.com" }
            owner sec  { contact "sec@example.com" }
            """;

    private static Map<String, GeneratedFile> emit(String body) {
        return CloudSamples.emitAll(CloudSamples.inputText(HEAD + body));
    }

    private static JsonNode json(Map<String, GeneratedFile> files, String path) {
        assertThat(files).containsKey(path);
        return Json.read(files.get(path).text());
    }

    @Test
    void monitoredSystemsAndSystemsWithNothingGetNoFiles() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  binding b { issuer aws-m  ttl 1h  allow "s3:GetObject" on "arn:aws:s3:::b/*"  expires 2027-01-01 }
                }
                """);
        assertThat(files).isEmpty();
    }

    @Test
    void notAfterIsTheEarlierOfTheCredentialAndItsIdentity() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  expires 2027-02-01T12:00:00+01:00
                  binding late  { issuer aws-a  ttl 2h  allow "s3:GetObject" on "arn:aws:s3:::b/*" }
                  binding early { issuer aws-a  ttl 3h  allow "s3:PutObject" on "arn:aws:s3:::b/*"  expires 2027-01-15 }
                  binding gcp   { issuer gcp-a  allow "roles/storage.objectViewer" }
                }
                """);
        JsonNode statements = json(files, "aws/aws-a/svc-one.json").get("Statement");
        assertThat(statements.get(0).get("Sid").asString()).isEqualTo("Early");
        assertThat(statements.get(0).get("Condition").get("DateLessThan").get("aws:CurrentTime").asString())
                .isEqualTo("2027-01-16T00:00:00Z");
        assertThat(statements.get(1).get("Condition").get("DateLessThan").get("aws:CurrentTime").asString())
                .isEqualTo("2027-02-01T11:00:00Z");
        assertThat(json(files, "aws/aws-a/svc-one.role.json").get("MaxSessionDuration").asLong()).isEqualTo(7200);
        JsonNode gcp = json(files, "gcp/gcp-a/policy.json").get(0);
        assertThat(gcp.get("resource").asString()).isEqualTo("projects/rules-project");
        JsonNode binding = gcp.get("policy").get("bindings").get(0);
        assertThat(binding.get("members").get(0).asString())
                .isEqualTo("serviceAccount:svc-one@rules-project.iam.gserviceaccount.com");
        assertThat(binding.get("condition").get("expression").asString())
                .isEqualTo("request.time < timestamp(\"2027-02-01T11:00:00Z\")");
    }

    @Test
    void sidsAreUniqueLettersAndDigits() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  binding s3-w  { issuer aws-a ttl 1h allow "s3:GetObject" on "arn:aws:s3:::a/*" expires 2027-01-01 }
                  binding s3_w  { issuer aws-a ttl 1h allow "s3:GetObject" on "arn:aws:s3:::b/*" expires 2027-01-01 }
                  binding S3W2  { issuer aws-a ttl 1h allow "s3:GetObject" on "arn:aws:s3:::c/*" expires 2027-01-01 }
                }
                """);
        JsonNode statements = json(files, "aws/aws-a/svc-one.json").get("Statement");
        assertThat(statements.valueStream().map(s -> s.get("Sid").asString()))
                .containsExactly("S3W2", "S3W", "S3W3");
    }

    @Test
    void aSessionWithoutTtlGets3600() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  binding b { issuer aws-a allow "s3:GetObject" on "arn:aws:s3:::a/*" expires 2027-01-01 }
                }
                """);
        assertThat(json(files, "aws/aws-a/svc-one.role.json").get("MaxSessionDuration").asLong()).isEqualTo(3600);
    }

    @Test
    void vaultTokenRoleOnlyWithATokenAndTheLargestTtl() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  secret s { issuer vlt  path "db/creds/x"  ttl 2h }
                }
                identity svc-two {
                  kind workload
                  owner team
                  token short { issuer vlt  ttl 15m  allow "read" on "kv/a" }
                  token long  { issuer vlt  ttl 3h   allow "read", "list" on "kv/a" }
                }
                """);
        assertThat(files).doesNotContainKey("vault/vlt/token-roles/svc-one.json");
        assertThat(json(files, "vault/vlt/secrets/svc-one.s.json").get("max_ttl").asLong()).isEqualTo(7200);
        assertThat(json(files, "vault/vlt/token-roles/svc-two.json").get("token_explicit_max_ttl").asLong())
                .isEqualTo(10800);
        assertThat(files.get("vault/vlt/policies/svc-two.hcl").text())
                .contains("path \"kv/a\" {\n  capabilities = [\"list\", \"read\"]\n}\n");
    }

    @Test
    void exceptionsEndNoLaterThanTheCredentialTheyGrant() {
        Map<String, GeneratedFile> files = emit("""
                identity svc-one {
                  kind workload
                  owner team
                  expires 2026-12-01T10:00:00Z
                  binding b { issuer aws-a ttl 1h allow "s3:GetObject" on "arn:aws:s3:::a/*" }
                  binding g { issuer gcp-a allow "roles/storage.objectViewer" on "projects/_/buckets/a" }
                  token t   { issuer vlt ttl 1h allow "read" on "kv/a" }
                }
                identity svc-two {
                  kind workload
                  owner team
                  binding g2 { issuer gcp-a member "group:ops@example.com" allow "roles/storage.objectViewer" expires 2027-01-01 }
                }
                exception ex {
                  grant svc-one.b to "identity:svc-two"
                  grant svc-one.g to "identity:svc-two", "serviceAccount:z@p.iam.gserviceaccount.com"
                  grant svc-one.t to "identity:svc-two"
                  approver sec
                  ticket "T-1"
                  reason "overlap"
                  from 2026-12-01T06:00:00Z for 2d
                }
                """);
        JsonNode aws = json(files, "aws/aws-a/exceptions/ex.json");
        assertThat(aws.get("Id").asString()).isEqualTo("idflow-exception-ex");
        JsonNode cond = aws.get("Statement").get(0).get("Condition");
        assertThat(cond.get("DateGreaterThanEquals").get("aws:CurrentTime").asString()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(cond.get("DateLessThan").get("aws:CurrentTime").asString()).isEqualTo("2026-12-01T10:00:00Z");
        JsonNode bucket = json(files, "gcp/gcp-a/policy.json").get(0);
        assertThat(bucket.get("resource").asString()).isEqualTo("projects/_/buckets/a");
        JsonNode ex = bucket.get("policy").get("bindings").get(0);
        assertThat(ex.get("members").valueStream().map(JsonNode::asString))
                .containsExactly("group:ops@example.com", "serviceAccount:z@p.iam.gserviceaccount.com");
        assertThat(ex.get("condition").get("expression").asString()).isEqualTo(
                "request.time >= timestamp(\"2026-12-01T06:00:00Z\") && request.time < timestamp(\"2026-12-01T10:00:00Z\")");
        assertThat(json(files, "vault/vlt/exceptions/ex.token-role.json").get("token_explicit_max_ttl").asLong())
                .isEqualTo(4 * 3600);
    }

    @Test
    void emittingTwiceGivesTheSameBytes() {
        for (String s : CloudSamples.NAMES) {
            assertThat(CloudSamples.emitAll(CloudSamples.input(s)))
                    .isEqualTo(CloudSamples.emitAll(CloudSamples.input(s)));
        }
    }
}
