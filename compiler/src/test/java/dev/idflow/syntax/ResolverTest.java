package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import dev.idflow.model.Delegation;
import dev.idflow.model.Event;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.ExpiryRule;
import dev.idflow.model.Identity;
import dev.idflow.model.IdentityKind;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Mode;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.pipeline.Analysis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every construct of LANGUAGE.md, read from its whole example, gives the model it means. */
class ResolverTest {

    private static Policy policy;

    @BeforeAll
    static void readExample() throws Exception {
        Path dir = Path.of(ResolverTest.class.getResource("/language-example.idflow").toURI()).getParent();
        Analysis a = TestRepo.check(dir);
        assertThat(a.diagnostics()).as("language errors").filteredOn(d -> d.code().startsWith("IDF0")).isEmpty();
        policy = a.policy();
    }

    @Test
    void policyDeclarationSetsTheLimits() {
        assertThat(policy.name()).isEqualTo("acme-nhi");
        assertThat(policy.maxException()).isEqualTo(Duration.ofHours(72));
        assertThat(policy.maxBreakGlass()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void systemsHaveKindCapabilitiesEnvModeAndKindAttributes() {
        ManagedSystem aws = policy.system("aws-prod");
        assertThat(aws.kind()).isEqualTo(SystemKind.AWS_IAM);
        assertThat(aws.account()).isEqualTo("123456789012");
        assertThat(aws.env()).isEqualTo("prod");
        assertThat(aws.capabilities()).containsExactlyInAnyOrder(Capability.PROVISION, Capability.REVOKE,
                Capability.ROTATE, Capability.EXPIRE, Capability.AUDIT);
        assertThat(policy.system("gcp-data").project()).isEqualTo("acme-data");
        assertThat(policy.system("vault-prod").address()).isEqualTo("https://vault.acme.example");
        assertThat(policy.system("legacy-erp").mode()).isEqualTo(Mode.MONITOR);
        assertThat(policy.system("okta").mode()).isEqualTo(Mode.ENFORCE);
    }

    @Test
    void opaSystemsCanAlwaysProvisionRevokeExpireAndEnforce() {
        ManagedSystem gateway = policy.system("gateway");
        assertThat(gateway.declared()).containsExactly(Capability.ENFORCE);
        assertThat(gateway.capabilities()).containsExactlyInAnyOrder(Capability.PROVISION, Capability.REVOKE,
                Capability.EXPIRE, Capability.ENFORCE);
    }

    @Test
    void sourcesAreDefaultsThatAnIdentityOverrides() {
        assertThat(policy.sources().get(Event.CREATE).system()).isEqualTo("servicenow");
        assertThat(policy.sources().get(Event.SUSPEND).system()).isEqualTo("okta");
        Identity stripe = policy.identities().get("stripe-sync");
        assertThat(stripe.sources().get(Event.DELETE).system()).isEqualTo("okta");
        assertThat(stripe.sources().get(Event.DELETE).inherited()).isFalse();
        assertThat(stripe.sources().get(Event.CREATE).system()).isEqualTo("servicenow");
        assertThat(stripe.sources().get(Event.CREATE).inherited()).isTrue();
    }

    @Test
    void ownersHaveContactsAndEscalation() {
        assertThat(policy.owners().get("secops").contacts()).containsExactly("secops@acme.example");
        assertThat(policy.owners().get("secops").escalation()).isEqualTo("ciso@acme.example");
        assertThat(policy.owners().get("payments-team").escalation()).isNull();
    }

    @Test
    void expiryRulesCoverTypesAndEnvs() {
        assertThat(policy.expiryRules()).hasSize(4);
        ExpiryRule secrets = policy.expiryRules().get(0);
        assertThat(secrets.types()).containsExactlyInAnyOrder(CredentialType.SECRET, CredentialType.KEY);
        assertThat(secrets.max()).isEqualTo(Duration.ofDays(90));
        assertThat(secrets.rotate()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.expiryRules().get(2).env()).isEqualTo("prod");
        assertThat(policy.expiryRules().get(2).max()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void credentialsAreSeparateLifecycleObjects() {
        Identity api = policy.identities().get("payments-api");
        assertThat(api.kind()).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(api.owner()).isEqualTo("payments-team");
        assertThat(api.env()).isEqualTo("prod");
        assertThat(api.credentials().keySet()).containsExactly("api", "db-password", "s3-writer", "vault-login");

        Credential secret = api.credentials().get("db-password");
        assertThat(secret.type()).isEqualTo(CredentialType.SECRET);
        assertThat(secret.issuer()).isEqualTo("vault-prod");
        assertThat(secret.revoker()).isEqualTo("vault-prod");
        assertThat(secret.revokerDeclared()).isFalse();
        assertThat(secret.path()).isEqualTo("database/creds/payments");
        assertThat(secret.ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(secret.rotate()).isEqualTo(Duration.ofHours(24));
        assertThat(secret.storedIn()).extracting(Located::value).containsExactly("gh-actions");

        Credential token = api.credentials().get("vault-login");
        assertThat(token.grants()).hasSize(1);
        assertThat(token.grants().get(0).actions()).extracting(Located::value).containsExactly("read", "list");
        assertThat(token.grants().get(0).resources()).extracting(Located::value)
                .containsExactly("secret/data/payments/*");
    }

    @Test
    void aDateAsAnEndIncludesTheWholeDay() {
        Credential s3 = policy.credential("payments-api", "s3-writer");
        assertThat(s3.expires().instant()).isEqualTo(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(s3.expires().dateOnly()).isTrue();
    }

    @Test
    void declaredRevokerAndWaiver() {
        Identity stripe = policy.identities().get("stripe-sync");
        assertThat(stripe.kind()).isEqualTo(IdentityKind.THIRD_PARTY);
        assertThat(stripe.expires().instant()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
        Credential key = stripe.credentials().get("webhook-signing");
        assertThat(key.revoker()).isEqualTo("legacy-erp");
        assertThat(key.revokerDeclared()).isTrue();
        assertThat(key.waivers()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("IDF202");
            assertThat(w.reason()).isEqualTo("manual revocation runbook RB-12");
            assertThat(w.until()).isEqualTo(LocalDate.of(2027, 1, 31));
        });
    }

    @Test
    void exceptionsHaveAWindowAndEvidence() {
        ExceptionGrant ex = policy.exceptions().get("incident-4711");
        assertThat(ex.grants()).singleElement().satisfies(g -> {
            assertThat(g.qualifiedName()).isEqualTo("payments-api.s3-writer");
            assertThat(g.principals()).extracting(Located::value).containsExactly("user:alice@acme.example");
        });
        assertThat(ex.approver()).isEqualTo("secops");
        assertThat(ex.ticket()).isEqualTo("INC-4711");
        assertThat(ex.from()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(ex.until()).isEqualTo(Instant.parse("2026-11-29T14:00:00Z"));
        assertThat(ex.duration()).isEqualTo(Duration.ofHours(4));
        assertThat(ex.breakGlass()).isTrue();
    }

    @Test
    void delegationsAreReconciled() {
        Delegation d = policy.delegations().get("data-team-sandbox");
        assertThat(d.to()).isEqualTo("payments-team");
        assertThat(d.kinds()).containsExactly(IdentityKind.WORKLOAD, IdentityKind.PIPELINE);
        assertThat(d.systems()).extracting(Located::value).containsExactly("aws-prod");
        assertThat(d.reconcileEvery()).isEqualTo(Duration.ofHours(24));
        assertThat(d.reconcileBy()).isEqualTo("aws-prod");
    }

    @Test
    void defaultsApplyWhenThePolicyBlockIsLeftOut() {
        Analysis a = TestRepo.checkText("policy \"p\"\n");
        assertThat(a.diagnostics()).isEmpty();
        assertThat(a.policy().maxException()).isEqualTo(Policy.DEFAULT_MAX_EXCEPTION);
        assertThat(a.policy().maxBreakGlass()).isEqualTo(Policy.DEFAULT_MAX_BREAK_GLASS);
    }
}
