package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.idflow.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Strings full of quotes, backslashes, line breaks, Unicode and comment ends reach every
 * target as exactly the values written, and never as structure: a line break in a
 * description cannot end the comment that carries it and add a {@code path} block.
 */
public class InjectionTest {

    /** Written as the policy author would, with the language's own escapes. */
    public static final String POLICY = """
            policy "injection"
            system itsm   { kind itsm can approve, audit }
            system vault-x { kind vault can provision, revoke, expire, audit }
            system aws-x  { kind aws-iam account "123456789012" can provision, revoke, expire, audit }
            system gcp-x  { kind gcp-iam project "inj-project" can provision, revoke, expire, audit }
            source create, update, delete, suspend from itsm
            owner team { contact "team@example.com" }
            owner sec  { contact "sec@example.com" }
            identity weird-one {
              kind workload
              owner team
              description "q\\" b\\\\ */ # // nl\\npath \\"evil\\" { capabilities = [\\"sudo\\"] }\\u000d\\nGr\\u00fc\\u00dfe \\u2028 end"
              token tok {
                issuer vault-x
                ttl 1h
                allow "read" on "secret/data/\\"q\\"/x\\\\y/*"
              }
              secret sec1 {
                issuer vault-x
                path "kv/a b/\\u00fc\\t/x"
                ttl 1h
              }
              binding b {
                issuer aws-x
                ttl 1h
                allow "s3:GetObject" on "arn:aws:s3:::bucket/\\"q\\"\\\\x/\\u00fc"
                expires 2027-01-01
              }
              binding g {
                issuer gcp-x
                allow "roles/storage.objectViewer" on "projects/_/buckets/b\\"q\\\\"
                expires 2027-01-01
              }
            }
            exception inj-ex {
              grant weird-one.tok to "serviceAccount:x@inj-project.iam.gserviceaccount.com"
              grant weird-one.g to "serviceAccount:x@inj-project.iam.gserviceaccount.com"
              approver sec
              ticket "T-1\\"\\npath \\"sys/*\\" { capabilities = [\\"sudo\\"] } #"
              reason "line1\\nline2 */ \\" \\\\ \\u0007 bell"
              from 2026-12-01T00:00:00Z for 1h
            }
            """;

    static final String DESCRIPTION =
            "q\" b\\ */ # // nl\npath \"evil\" { capabilities = [\"sudo\"] }\r\nGr\u00fc\u00dfe \u2028 end";
    static final String VAULT_PATH = "secret/data/\"q\"/x\\y/*";
    static final String SECRET_PATH = "kv/a b/\u00fc\t/x";
    static final String ARN = "arn:aws:s3:::bucket/\"q\"\\x/\u00fc";
    static final String GCP_RESOURCE = "projects/_/buckets/b\"q\\";

    static EmitInput input() {
        return CloudSamples.inputText(POLICY);
    }

    @Test
    void theModelHoldsTheIntendedValues() {
        var identity = input().policy().identities().get("weird-one");
        assertThat(identity.description()).isEqualTo(DESCRIPTION);
        assertThat(identity.credentials().get("sec1").path()).isEqualTo(SECRET_PATH);
    }

    @Test
    void vaultPolicyParsesToExactlyTheIntendedPaths() throws Exception {
        Map<String, GeneratedFile> files = CloudSamples.emitAll(input());
        String hcl = files.get("vault/vault-x/policies/weird-one.hcl").text();
        Map<String, Object> parsed = new HCLParser().parse(hcl);
        assertThat(parsed).containsOnlyKeys("path");
        assertThat(parsed.get("path")).isEqualTo(Map.of(
                VAULT_PATH, Map.of("capabilities", List.of("read")),
                SECRET_PATH, Map.of("capabilities", List.of("read"))));
        assertThat(hcl).contains("# description: \"q\\\" b\\\\ */ # // nl\\npath \\\"evil\\\"");
        assertThat(hcl.lines().filter(l -> l.startsWith("path "))).hasSize(2);
    }

    @Test
    void vaultExceptionPolicyKeepsTicketAndReasonInsideComments() throws Exception {
        Map<String, GeneratedFile> files = CloudSamples.emitAll(input());
        String hcl = files.get("vault/vault-x/exceptions/inj-ex.hcl").text();
        Map<String, Object> parsed = new HCLParser().parse(hcl);
        assertThat(parsed).isEqualTo(Map.of("path", Map.of(VAULT_PATH, Map.of("capabilities", List.of("read")))));
        assertThat(hcl).contains("# reason: \"line1\\nline2 */ \\\" \\\\ \\u0007 bell\"\n");
    }

    @Test
    void secretLeaseSettingsKeepThePath() {
        JsonNode secret = Json.read(CloudSamples.emitAll(input()).get("vault/vault-x/secrets/weird-one.sec1.json").text());
        assertThat(secret.get("path").asString()).isEqualTo(SECRET_PATH);
    }

    @Test
    void awsAndGcpCarryTheResourcesAsWritten() {
        Map<String, GeneratedFile> files = CloudSamples.emitAll(input());
        JsonNode aws = Json.read(files.get("aws/aws-x/weird-one.json").text());
        assertThat(aws.get("Statement").get(0).get("Resource").get(0).asString()).isEqualTo(ARN);
        JsonNode gcp = Json.read(files.get("gcp/gcp-x/policy.json").text());
        assertThat(gcp.get(0).get("resource").asString()).isEqualTo(GCP_RESOURCE);
        JsonNode bindings = gcp.get(0).get("policy").get("bindings");
        assertThat(bindings).hasSize(2);
        JsonNode condition = bindings.get(0).get("condition");
        assertThat(condition.get("expression").asString()).isEqualTo("request.time < timestamp(\"2027-01-02T00:00:00Z\")");
        condition = bindings.get(1).get("condition");
        assertThat(condition.get("title").asString()).isEqualTo("idflow exception inj-ex");
        assertThat(condition.get("description").asString()).endsWith("line1\nline2 */ \" \\ \u0007 bell");
    }

    @Test
    void everyPathStaysInsideItsTargetFolder() {
        CloudSamples.emitAll(input()).keySet().forEach(p -> assertThat(p)
                .matches("(aws|gcp|vault)/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*(/[A-Za-z0-9_.-]+)"));
    }

    @Test
    void aNameThatIsNotAPlainNameNeverBecomesAPath() {
        for (String bad : List.of("..", ".", "a/b", "a\\b", "", "../x", "x\u0000")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmitSupport.segment(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
