package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.idflow.TestRepo;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.emit.InjectionTest;
import dev.idflow.io.Json;
import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Compiler;
import dev.idflow.target.AwsPolicy;
import dev.idflow.target.AwsRole;
import dev.idflow.target.GcpMembers;
import dev.idflow.target.VaultHcl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The target-constraint checks judge what the emitters write, no more and no less: a policy
 * they pass is written in a form the target accepts, and what they refuse would be written.
 * The tests named after a code are policies on which that check and its emitter once
 * disagreed; {@link #everyValueWrittenIsOneTheChecksJudged} compares, over the samples and
 * the policies that pass each target check, every value the cloud emitters write with the
 * values the checks judged.
 */
class TargetAgreementTest {

    private static final String HEAD = TestRepo.CLOUD_HEAD + """
            owner secops { contact "secops@shop.example" }
            """;

    private static final String WINDOW = """
              approver secops
              ticket "CHG-1"
              reason "migration"
              from 2027-01-01T00:00:00Z for 24h
            }
            """;

    /**
     * HCL v1 counts the braces inside {@code ${...}}: {@code ${a{b}} is still open at its end,
     * so Vault cannot read the policy back. IDF908 stopped at the first {@code }}, passed it,
     * and the emitter refused the string (exit 3).
     */
    @Test
    void idf908CountsBracesAsHclV1AndTheEmitterDo() {
        Analysis a = vaultTokenReading("secret/${a{b}/x");
        assertThat(TestRepo.lines(a)).filteredOn(l -> l.contains("IDF908")).containsExactly("policy.idflow:10:52:"
                + " error[IDF908]: a string of `orders-api.t` at `vault-main` opens `${` without closing it:"
                + " the HCL v1 parser of Vault cannot read it back");
    }

    /**
     * The line and paragraph separators are escaped in every quoted string the emitter writes,
     * and an escape inside {@code ${...}} reaches Vault as written: IDF908 let them through.
     */
    @Test
    void idf908RefusesEveryCharacterTheEmitterEscapesInsideATemplate() {
        Analysis a = vaultTokenReading("secret/${a\\u2028b}/x");
        assertThat(codes(a)).contains("IDF908");
    }

    /**
     * The policy of a token of {@code orders-api} at {@code vault-main} granted {@code read} on
     * {@code resource}, written as it stands between the quotes of the policy file.
     */
    private static Analysis vaultTokenReading(String resource) {
        return TestRepo.checkText(HEAD + "identity orders-api { kind workload owner platform-team\n"
                + "token t { issuer vault-main ttl 1h allow \"read\" on \"" + resource + "\" } }\n");
    }

    /** A policy each check above passes is one the emitters write without refusing a string. */
    @Test
    void vaultStringsTheCheckPassesAreWritten() {
        for (String path : List.of("secret/${a{b}}/x", "secret/${a}/${b{c{d}}}/*", "secret/%{x\"}/*", "a${}b")) {
            Analysis a = vaultTokenReading(path.replace("\"", "\\\""));
            assertThat(codes(a)).as(path).doesNotContain("IDF908");
            assertThat(emit(a)).as(path).containsKey("vault/vault-main/policies/orders-api.hcl");
        }
    }

    /**
     * Only a secret's {@code path} is written into the Vault policy (granted {@code read});
     * IDF908 and IDF909 refused the {@code path} of a token, which is written nowhere.
     */
    @Test
    void idf908AndIdf909JudgeOnlyThePathsThatAreWritten() {
        Analysis a = TestRepo.checkText(HEAD + "identity orders-api { kind workload owner platform-team\n"
                + "token t { issuer vault-main ttl 1h path \"auth/${x\" allow \"read\" on \"secret/data/a/*\" }\n"
                + "token u { issuer vault-main ttl 1h path \"auth/*/login\" allow \"read\" on \"secret/data/b/*\" } }\n");
        assertThat(codes(a)).doesNotContain("IDF908", "IDF909");
        assertThat(emit(a).get("vault/vault-main/policies/orders-api.hcl").text())
                .doesNotContain("auth/").contains("secret/data/a/*", "secret/data/b/*");
    }

    /**
     * {@code identity:NAME} in an exception is NAME's member at that system: its declared
     * {@code member}, else its default service account. An identity whose member is
     * {@code allUsers} gets a time window there, which GCP refuses; IDF907 looked only at
     * the roles of exception grants.
     */
    @Test
    void idf907JudgesTheMembersAnExceptionBinds() {
        Analysis a = TestRepo.checkText(HEAD + """
                identity reports-job { kind pipeline owner platform-team
                  binding reader { issuer gcp-data allow "roles/bigquery.dataViewer" expires 2027-06-30 } }
                identity dashboards { kind workload owner platform-team
                  binding public-read { issuer gcp-data member "allUsers" ttl 1h
                    allow "roles/storage.objectViewer" on "projects/_/buckets/shop-dashboards" } }
                exception walkthrough {
                  grant reports-job.reader to "identity:dashboards"
                """ + WINDOW);
        assertThat(TestRepo.lines(a)).filteredOn(l -> l.contains("IDF907")).containsExactly("policy.idflow:15:31:"
                + " error[IDF907]: exception `walkthrough` grants `reports-job.reader` to `identity:dashboards`,"
                + " which is `allUsers` at `gcp-data`, for a time window: GCP refuses conditions for `allUsers`");
    }

    /** A credential that grants no role is bound nowhere, so its end needs no condition. */
    @Test
    void idf907JudgesOnlyTheBindingsThatAreWritten() {
        Analysis a = TestRepo.checkText(HEAD + "identity dashboards { kind workload owner platform-team\n"
                + "binding public-read { issuer gcp-data member \"allUsers\" expires 2027-06-30 } }\n");
        assertThat(codes(a)).contains("IDF505").doesNotContain("IDF907");
        assertThat(emit(a).keySet()).noneMatch(p -> p.startsWith("gcp/"));
    }

    /**
     * An exception's {@code identity:NAME} without a declared member at the system is bound
     * as NAME's default service account, which needs NAME to be a valid account id. IDF912
     * looked only at the credentials themselves.
     */
    @Test
    void idf912JudgesTheDefaultMembersAnExceptionBinds() {
        Analysis a = TestRepo.checkText(HEAD + """
                identity reports-job { kind pipeline owner platform-team
                  binding reader { issuer gcp-data allow "roles/bigquery.dataViewer" expires 2027-06-30 } }
                identity Ops_Bot { kind workload owner platform-team
                  token t { issuer vault-main ttl 1h allow "read" on "secret/data/ops/*" } }
                exception walkthrough {
                  grant reports-job.reader to "identity:Ops_Bot"
                """ + WINDOW);
        assertThat(TestRepo.lines(a)).filteredOn(l -> l.contains("IDF912")).containsExactly("policy.idflow:14:31:"
                + " error[IDF912]: exception `walkthrough` grants `reports-job.reader` to `identity:Ops_Bot`, bound"
                + " at `gcp-data` as its default service account, and `Ops_Bot` is not a valid GCP service-account id"
                + " (6 to 30 of a-z, 0-9 and -, starting with a letter)");
    }

    /**
     * An identity whose only aws-iam credential is an access key without grants has no role
     * (and no policy): IDF911 judged a role name that is never written.
     */
    @Test
    void idf911JudgesOnlyTheRolesThatAreWritten() {
        String name = "settlement-reconciliation-nightly-batch-eu-west-1-payments";
        Analysis a = TestRepo.checkText(HEAD + "identity " + name + " { kind pipeline owner platform-team\n"
                + "secret access-key { issuer aws-prod ttl 30d } }\n");
        assertThat(codes(a)).doesNotContain("IDF911");
        assertThat(emit(a).keySet()).noneMatch(p -> p.startsWith("aws/"));
        Analysis session = TestRepo.checkText(HEAD + "identity " + name + " { kind pipeline owner platform-team\n"
                + "token login { issuer aws-prod ttl 1h } }\n");
        assertThat(codes(session)).as("a session gets the role").contains("IDF911");
    }

    /**
     * Error-free policies: the cloud samples, InjectionTest's (quotes, backslashes, Unicode),
     * and the {@code fixed} policy of every IDF9xx sample, which passes that check at its edge.
     */
    static Stream<Named<Analysis>> policies() throws IOException {
        List<Named<Analysis>> out = new ArrayList<>();
        for (String sample : List.of("acme", "multicloud")) {
            out.add(Named.of(sample, TestRepo.check(TestRepo.samples().resolve(sample).resolve("policies"))));
        }
        out.add(Named.of("injection", TestRepo.checkText(InjectionTest.POLICY)));
        try (Stream<Path> s = Files.list(TestRepo.samples().resolve("checks"))) {
            for (Path code : s.filter(p -> p.getFileName().toString().matches("IDF9[0-9]{2}")).sorted().toList()) {
                out.add(Named.of(code.getFileName() + "/fixed", TestRepo.check(code.resolve("fixed"))));
            }
        }
        return out.stream();
    }

    /**
     * Every value of every aws, gcp and vault file is one that the target checks judged, for
     * the credential or exception the file is written for, and passes their rules; every
     * role and every member is the one they judged. What the emitters write is thus never
     * outside what IDF901-IDF912 looked at.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void everyValueWrittenIsOneTheChecksJudged(Analysis a) throws Exception {
        compare(a);
    }

    /** The comparison covers every kind of file the checks judge, and exceptions bound to identities. */
    @Test
    void theComparisonCoversEveryKindOfFile() throws Exception {
        Set<String> kinds = new TreeSet<>();
        for (Named<Analysis> a : policies().toList()) {
            for (String path : compare(a.getPayload())) {
                String[] part = path.split("/");
                String file = part[part.length - 1];
                kinds.add(part[0] + "/" + (part.length > 3 ? part[2] + "/" : "") + (file.equals("policy.json")
                        ? file : part[2].equals("secrets") ? "NAME.NAME.json" : file.replaceFirst("^[^.]+", "NAME")));
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("aws/NAME.json", "aws/NAME.role.json", "aws/exceptions/NAME.json",
                "gcp/policy.json", "vault/policies/NAME.hcl", "vault/exceptions/NAME.hcl",
                "vault/exceptions/NAME.token-role.json", "vault/token-roles/NAME.json", "vault/secrets/NAME.NAME.json");
        Policy multicloud = TestRepo.check(TestRepo.samples().resolve("multicloud").resolve("policies")).policy();
        assertThat(multicloud.exceptions().values()).flatMap(e -> e.grants())
                .flatMap(g -> g.principals()).map(Located::value).contains("identity:report-bot");
    }

    /** Compares the cloud files of {@code a} with what the checks judged; the paths compared. */
    private static List<String> compare(Analysis a) throws Exception {
        Policy policy = a.policy();
        Map<String, GeneratedFile> files = emit(a);
        List<String> compared = new ArrayList<>();
        for (GeneratedFile f : files.values()) {
            String[] part = f.path().split("/");
            if (!List.of("aws", "gcp", "vault").contains(part[0])) {
                continue;
            }
            compared.add(f.path());
            ManagedSystem system = policy.system(part[1]);
            assertThat(system.monitored()).as(f.path()).isFalse();
            switch (part[0]) {
                case "aws" -> aws(policy, system, part, f);
                case "gcp" -> gcp(policy, system, f);
                default -> vault(policy, system, part, f);
            }
        }
        // IDF911 judges a role for exactly the identities that get one: a statement or a session.
        for (ManagedSystem s : policy.systems().values()) {
            if (s.kind() != SystemKind.AWS_IAM || s.monitored()) {
                continue;
            }
            for (var i : policy.identities().values()) {
                List<Credential> at = at(policy, s, i.name());
                boolean role = at.stream().anyMatch(c -> AwsRole.isSession(c)
                        || c.grants().stream().anyMatch(g -> !g.actions().isEmpty() && !g.resources().isEmpty()));
                assertThat(files.containsKey("aws/" + s.name() + "/" + i.name() + ".role.json"))
                        .as("role of %s at %s", i.name(), s.name()).isEqualTo(role);
                assertThat(AwsRole.written(AwsPolicy.identityStatements(policy, at), at)).isEqualTo(role);
            }
        }
        return compared;
    }

    private static void aws(Policy policy, ManagedSystem system, String[] part, GeneratedFile f) {
        JsonNode doc = Json.read(f.text());
        List<Credential> judged;
        if (part[2].equals("exceptions")) {
            judged = granted(policy, policy.exceptions().get(part[3].replaceAll("\\.json$", "")), system);
        } else if (part[2].endsWith(".role.json")) {
            String identity = part[2].replaceAll("\\.role\\.json$", "");
            // IDF911 judged this name, IDF901 every session ttl of which it takes the smallest.
            assertThat(doc.get("RoleName").asString()).isEqualTo(AwsRoleName.roleName(identity));
            assertThat(doc.get("RoleName").asString().length()).isLessThanOrEqualTo(AwsRoleName.MAX);
            List<Duration> ttls = at(policy, system, identity).stream()
                    .filter(AwsRole::isSession).map(Credential::ttl).filter(t -> t != null).toList();
            ttls.forEach(t -> assertThat(AwsSessionLifetime.allowed(t)).as(f.path() + " " + t).isTrue());
            assertThat(doc.get("MaxSessionDuration").asLong()).as(f.path()).isEqualTo(
                    ttls.stream().mapToLong(Duration::getSeconds).min().orElse(AwsRole.MIN_SESSION.getSeconds()));
            return;
        } else {
            judged = at(policy, system, part[2].replaceAll("\\.json$", ""));
        }
        Set<String> actions = values(judged, true);
        Set<String> resources = values(judged, false);
        for (JsonNode statement : doc.get("Statement")) {
            for (JsonNode action : statement.get("Action")) {
                assertThat(action.asString()).as(f.path()).isIn(actions).matches(AwsSyntax.ACTION);
            }
            for (JsonNode resource : statement.get("Resource")) {
                assertThat(resource.asString()).as(f.path()).isIn(resources).matches(AwsSyntax.RESOURCE);
            }
        }
    }

    private static void gcp(Policy policy, ManagedSystem system, GeneratedFile f) {
        List<Credential> judged = new ArrayList<>();
        // The members as LANGUAGE.md defines them, independently of the emitter.
        Set<String> members = new HashSet<>();
        Set<String> defaults = new HashSet<>();
        for (var i : policy.identities().values()) {
            String own = defaultMember(i.name(), system);
            defaults.add(own);
            for (Credential c : at(policy, system, i.name())) {
                judged.add(c);
                members.add(c.member() != null ? c.member() : own);
            }
        }
        for (ExceptionGrant e : policy.exceptions().values()) {
            for (ExceptionGrant.GrantTo g : e.grants()) {
                if (granted(policy, e, system).stream().noneMatch(c -> c.qualifiedName().equals(g.qualifiedName()))) {
                    continue;
                }
                for (Located p : g.principals()) {
                    if (!p.value().startsWith("identity:")) {
                        members.add(p.value());
                        continue;
                    }
                    String name = p.value().substring("identity:".length());
                    members.add(at(policy, system, name).stream().map(Credential::member).filter(m -> m != null)
                            .findFirst().orElse(defaultMember(name, system)));
                }
            }
        }
        Set<String> roles = values(judged, true);
        Set<String> resources = values(judged, false);
        resources.add("projects/" + system.project());
        for (JsonNode entry : Json.read(f.text())) {
            String resource = entry.get("resource").asString();
            assertThat(resource).as(f.path()).isIn(resources).doesNotContain("*", "?");
            for (JsonNode binding : entry.get("policy").get("bindings")) {
                String role = binding.get("role").asString();
                assertThat(role).as(f.path()).isIn(roles).matches(GcpRoleName.ROLE);
                boolean conditioned = binding.has("condition");
                if (conditioned) {
                    assertThat(role).as(f.path()).isNotIn(GcpConditionRefused.BASIC_ROLES);
                }
                for (JsonNode m : binding.get("members")) {
                    String member = m.asString();
                    assertThat(member).as(f.path()).isIn(members);
                    if (conditioned) {
                        assertThat(member).as(f.path()).isNotIn(GcpMembers.PUBLIC);
                    }
                    if (defaults.contains(member)) {
                        String id = member.substring("serviceAccount:".length(), member.indexOf('@'));
                        assertThat(GcpServiceAccountId.valid(id)).as(f.path() + " " + member).isTrue();
                    }
                }
            }
        }
    }

    private static void vault(Policy policy, ManagedSystem system, String[] part, GeneratedFile f) throws Exception {
        String file = part[part.length - 1];
        String name = file.replaceAll("\\..*$", "");
        List<Credential> judged = part[2].equals("exceptions")
                ? granted(policy, policy.exceptions().get(name), system)
                : at(policy, system, name);
        if (file.endsWith(".hcl")) {
            Set<String> paths = values(judged, false);
            judged.stream().filter(c -> c.path() != null).forEach(c -> paths.add(c.path()));
            Set<String> capabilities = values(judged, true);
            capabilities.add("read");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, List<String>>> parsed =
                    (Map<String, Map<String, List<String>>>) new HCLParser().parse(f.text()).get("path");
            parsed.forEach((path, block) -> {
                assertThat(path).as(f.path()).isIn(paths);
                assertThat(VaultHcl.problem(path)).as(path).isNull();
                assertThat(VaultPathWildcard.invalid(path)).as(path).isFalse();
                for (String capability : block.get("capabilities")) {
                    assertThat(capability).as(f.path()).isIn(capabilities).isIn(VaultCapability.CAPABILITIES);
                }
            });
        } else if (part[2].equals("token-roles")) {
            // IDF906 judged every token ttl; the role takes the largest.
            long max = judged.stream().filter(c -> c.type() == CredentialType.TOKEN && c.ttl() != null)
                    .mapToLong(c -> c.ttl().getSeconds()).max().orElseThrow();
            assertThat(Json.read(f.text()).get("token_explicit_max_ttl").asLong()).as(f.path()).isEqualTo(max)
                    .isLessThanOrEqualTo(VaultTtl.MAX.getSeconds());
        } else if (part[2].equals("secrets")) {
            Credential c = policy.credential(name, file.split("\\.")[1]);
            JsonNode secret = Json.read(f.text());
            assertThat(secret.get("path").asString()).isEqualTo(c.path());
            assertThat(secret.get("max_ttl").asLong()).isEqualTo(c.ttl().getSeconds())
                    .isLessThanOrEqualTo(VaultTtl.MAX.getSeconds());
        }
    }

    /** The credentials of {@code identity} issued by {@code system}, as the checks see them. */
    private static List<Credential> at(Policy policy, ManagedSystem system, String identity) {
        return Targets.all(policy).stream()
                .filter(x -> x.identity().name().equals(identity) && x.issuer().name().equals(system.name()))
                .map(Targets.Issued::credential).toList();
    }

    /** The credentials of {@code system} that an exception grants. */
    private static List<Credential> granted(Policy policy, ExceptionGrant e, ManagedSystem system) {
        List<Credential> out = new ArrayList<>();
        for (ExceptionGrant.GrantTo g : e.grants()) {
            Credential c = policy.credential(g.identity(), g.credential());
            if (c != null && system.name().equals(c.issuer())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The actions (or resources) of the credentials' grants, as the checks read them. */
    private static Set<String> values(List<Credential> credentials, boolean actions) {
        Set<String> out = new TreeSet<>();
        for (Credential c : credentials) {
            (actions ? Targets.actions(c) : Targets.resources(c)).forEach(l -> out.add(l.value()));
        }
        return out;
    }

    private static String defaultMember(String identity, ManagedSystem system) {
        return "serviceAccount:" + identity + "@" + system.project() + ".iam.gserviceaccount.com";
    }

    private static List<String> codes(Analysis a) {
        return a.diagnostics().stream().map(d -> d.code()).toList();
    }

    /** The cloud files of a policy that must have no error finding left. */
    static Map<String, GeneratedFile> emit(Analysis a) {
        assertThat(a.diagnostics()).as(String.join("\n", TestRepo.lines(a)))
                .noneMatch(d -> d.severity() == Severity.ERROR);
        Map<String, GeneratedFile> out = new LinkedHashMap<>();
        Compiler.emit(a, List.of("aws", "gcp", "vault")).files().forEach(f -> out.put(f.path(), f));
        return out;
    }
}
