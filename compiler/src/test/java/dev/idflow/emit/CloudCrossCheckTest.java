package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.target.AwsPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every file of the cloud targets read back by an independent consumer: JSON against its
 * schema (and AWS's policy size rule), Vault policies with hcl4j, GCP conditions with
 * Google's cel-java, evaluated before, at and after their bounds.
 */
class CloudCrossCheckTest {

    /** IAM's managed-policy limit, counted without white space (IDF902). */
    static final int AWS_POLICY_LIMIT = 6144;

    private static final Pattern TIMESTAMP = Pattern.compile("timestamp\\(\"([^\"]+)\"\\)");

    static Stream<GeneratedFile> files() {
        List<GeneratedFile> all = new ArrayList<>();
        for (String s : CloudSamples.NAMES) {
            all.addAll(CloudSamples.emitAll(CloudSamples.input(s)).values());
        }
        all.addAll(CloudSamples.emitAll(InjectionTest.input()).values());
        return all.stream();
    }

    /** The schema of an emitted JSON file, from its place in the output folder. */
    static String schemaOf(String path) {
        if (path.startsWith("aws/")) {
            return path.endsWith(".role.json") ? "aws-role" : "aws-policy";
        }
        if (path.startsWith("gcp/")) {
            return "gcp-policy";
        }
        if (path.contains("/secrets/")) {
            return "vault-secret";
        }
        return "vault-token-role";
    }

    @Test
    void everyKindOfFileIsCovered() {
        List<String> paths = files().map(GeneratedFile::path).toList();
        assertThat(paths).anyMatch(p -> p.matches("aws/[^/]+/[^/]+\\.role\\.json"))
                .anyMatch(p -> p.matches("aws/[^/]+/exceptions/[^/]+\\.json"))
                .anyMatch(p -> p.matches("gcp/[^/]+/policy\\.json"))
                .anyMatch(p -> p.matches("vault/[^/]+/policies/[^/]+\\.hcl"))
                .anyMatch(p -> p.matches("vault/[^/]+/exceptions/[^/]+\\.hcl"))
                .anyMatch(p -> p.matches("vault/[^/]+/exceptions/[^/]+\\.token-role\\.json"))
                .anyMatch(p -> p.matches("vault/[^/]+/token-roles/[^/]+\\.json"))
                .anyMatch(p -> p.matches("vault/[^/]+/secrets/[^/]+\\.[^/]+\\.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void jsonPassesItsSchema(GeneratedFile f) {
        if (!f.path().endsWith(".json")) {
            return;
        }
        JsonNode node = Json.read(f.text());
        assertThat(Schemas.validate(schemaOf(f.path()), node)).as(f.path()).isEmpty();
        assertThat(Json.write(node)).as("canonical JSON").isEqualTo(f.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void awsPoliciesFitTheSizeLimit(GeneratedFile f) {
        if (!f.path().startsWith("aws/") || f.path().endsWith(".role.json")) {
            return;
        }
        assertThat(f.text().replaceAll("\\s", "").length()).isLessThanOrEqualTo(AWS_POLICY_LIMIT);
    }

    /**
     * IDF902 measures the statements of {@link AwsPolicy}: every AWS policy written is exactly
     * that document, so the size judged before emitting is the size of the file.
     */
    @Test
    void everyAwsPolicyIsTheDocumentIdf902Measures() {
        int identities = 0;
        int exceptions = 0;
        List<EmitInput> inputs = new ArrayList<>();
        CloudSamples.NAMES.forEach(s -> inputs.add(CloudSamples.input(s)));
        inputs.add(InjectionTest.input());
        for (EmitInput input : inputs) {
            Policy policy = input.policy();
            for (GeneratedFile f : CloudSamples.emitAll(input).values()) {
                Matcher m = AWS_POLICY.matcher(f.path());
                if (!m.matches()) {
                    continue;
                }
                String system = m.group(1);
                String document;
                if (m.group(2) != null) {
                    ExceptionGrant e = policy.exceptions().get(m.group(3));
                    document = AwsPolicy.document(AwsPolicy.exceptionId(e),
                            AwsPolicy.exceptionStatements(policy, e, system));
                    exceptions++;
                } else {
                    Identity i = policy.identities().get(m.group(3));
                    List<Credential> issued = i.credentials().values().stream()
                            .filter(c -> system.equals(c.issuer())).toList();
                    document = AwsPolicy.document(null, AwsPolicy.identityStatements(policy, issued));
                    identities++;
                }
                assertThat(document).as(f.path()).isEqualTo(Json.mapper().writeValueAsString(Json.read(f.text())));
            }
        }
        assertThat(identities).as("identity policies compared").isGreaterThanOrEqualTo(3);
        assertThat(exceptions).as("exception policies compared").isGreaterThanOrEqualTo(1);
    }

    private static final Pattern AWS_POLICY = Pattern.compile("aws/([^/]+)/(exceptions/)?([^/.]+)\\.json");

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void vaultPoliciesParseToPathBlocks(GeneratedFile f) throws Exception {
        if (!f.path().endsWith(".hcl")) {
            return;
        }
        Map<String, Object> parsed = new HCLParser().parse(f.text());
        assertThat(parsed).containsOnlyKeys("path");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) parsed.get("path");
        assertThat(paths).isNotEmpty();
        paths.values().forEach(block -> {
            assertThat(block).isInstanceOfSatisfying(Map.class, m -> {
                assertThat(m).containsOnlyKeys("capabilities");
                List<?> caps = (List<?>) m.get("capabilities");
                assertThat(caps).isNotEmpty().isSorted().doesNotHaveDuplicates();
            });
        });
        assertThat(new ArrayList<>(paths.keySet())).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void gcpConditionsHoldExactlyInsideTheirBounds(GeneratedFile f) throws Exception {
        if (!f.path().startsWith("gcp/")) {
            return;
        }
        for (JsonNode resource : Json.read(f.text())) {
            for (JsonNode binding : resource.get("policy").get("bindings")) {
                JsonNode condition = binding.get("condition");
                if (condition != null) {
                    checkCondition(condition.get("expression").asString());
                }
            }
        }
    }

    /** An end {@code request.time < E}, or a window {@code F <= request.time < U}. */
    static void checkCondition(String expression) throws Exception {
        List<Instant> bounds = new ArrayList<>();
        Matcher m = TIMESTAMP.matcher(expression);
        while (m.find()) {
            bounds.add(Instant.parse(m.group(1)));
        }
        assertThat(bounds).hasSizeBetween(1, 2);
        Instant end = bounds.get(bounds.size() - 1);
        assertThat(cel(expression, end.minusSeconds(1))).isTrue();
        assertThat(cel(expression, end)).isFalse();
        assertThat(cel(expression, end.plusSeconds(1))).isFalse();
        if (bounds.size() == 2) {
            Instant from = bounds.get(0);
            assertThat(from).isBefore(end);
            assertThat(cel(expression, from.minusSeconds(1))).isFalse();
            assertThat(cel(expression, from)).isTrue();
            assertThat(cel(expression, from.plusSeconds(1))).isTrue();
        }
    }

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .addVar("request", MapType.create(SimpleType.STRING, SimpleType.TIMESTAMP))
            .build();

    /** Compiles (parses and type-checks) {@code expression} with cel-java and evaluates it at {@code t}. */
    static boolean cel(String expression, Instant t) throws Exception {
        CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
        Object result = CEL.createProgram(ast).eval(Map.of("request", Map.of("time", t)));
        assertThat(result).isInstanceOf(Boolean.class);
        return (Boolean) result;
    }
}
