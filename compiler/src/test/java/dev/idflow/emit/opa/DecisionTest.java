package dev.idflow.emit.opa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decision of {@code authz.rego}, in Java, at the edges of every window. */
class DecisionTest {

    static final String POLICY = """
            policy "p" { max-exception 72h  max-break-glass 4h }
            system itsm { kind itsm can approve, audit }
            system gw   { kind opa can enforce }
            system erp  { kind app can provision, revoke mode monitor }
            source create, update, suspend, delete from itsm
            owner team { contact "team@x.example" }
            owner sec  { contact "sec@x.example" }
            identity api {
              kind workload
              owner team
              binding http {
                issuer gw
                allow "GET" on "/orders/*"
                expires 2027-06-30T12:00:00Z
              }
            }
            identity partner {
              kind third-party
              owner team
              expires 2027-03-31
              binding feed {
                issuer gw
                allow "GET", "HEAD" on "/feed/?"
              }
              key k { issuer erp ttl 1d }
            }
            exception fix {
              grant api.http to "identity:partner"
              approver sec
              ticket "T-1"
              reason "migration"
              from 2027-01-10T10:00:00Z for 2h
            }
            """;

    static OpaData data;

    @BeforeAll
    static void load() {
        Analysis a = TestRepo.checkText(POLICY);
        assertThat(a.count(Severity.ERROR)).as(TestRepo.lines(a).toString()).isZero();
        data = OpaData.of(a.policy(), "sha256:" + "0".repeat(64));
    }

    static Decision decide(String identity, String credential, String action, String resource, String principal,
            String time) {
        return Decision.decide(data,
                new Decision.Request(identity, credential, action, resource, principal, Instant.parse(time)));
    }

    @Test
    void grantedUntilOneSecondBeforeNotAfterAndExpiredAtIt() {
        Decision before = decide("api", "http", "GET", "/orders/1", null, "2027-06-30T11:59:59Z");
        assertThat(before.allow()).isTrue();
        assertThat(before.reasons()).containsExactly("granted");
        assertThat(before.owner()).isEqualTo("team");
        assertThat(before.revoker()).isEqualTo("gw");
        Decision at = decide("api", "http", "GET", "/orders/1", null, "2027-06-30T12:00:00Z");
        assertThat(at.allow()).isFalse();
        assertThat(at.reasons()).containsExactly("credential-expired", "granted");
    }

    @Test
    void theIdentityEndBoundsItsCredentials() {
        assertThat(decide("partner", "feed", "HEAD", "/feed/a", null, "2027-03-31T23:59:59Z").allow()).isTrue();
        Decision at = decide("partner", "feed", "HEAD", "/feed/a", null, "2027-04-01T00:00:00Z");
        assertThat(at.allow()).isFalse();
        assertThat(at.reasons()).containsExactly("credential-expired", "granted", "identity-expired");
    }

    @Test
    void patternsDecideActionAndResource() {
        assertThat(decide("api", "http", "POST", "/orders/1", null, "2027-01-01T00:00:00Z").reasons())
                .containsExactly("not-granted");
        assertThat(decide("partner", "feed", "GET", "/feed/ab", null, "2027-01-01T00:00:00Z").reasons())
                .containsExactly("not-granted");
        assertThat(decide("api", "http", "GET", "/orders", null, "2027-01-01T00:00:00Z").allow()).isFalse();
    }

    @Test
    void exceptionIsActiveFromItsStartUntilJustBeforeItsEnd() {
        String p = "identity:partner";
        assertThat(decide("api", "http", "GET", "/orders/1", p, "2027-01-10T09:59:59Z").reasons())
                .containsExactly("exception-not-active");
        Decision start = decide("api", "http", "GET", "/orders/1", p, "2027-01-10T10:00:00Z");
        assertThat(start.allow()).isTrue();
        assertThat(start.reasons()).containsExactly("granted-by-exception:fix");
        assertThat(decide("api", "http", "GET", "/orders/1", p, "2027-01-10T11:59:59Z").allow()).isTrue();
        Decision end = decide("api", "http", "GET", "/orders/1", p, "2027-01-10T12:00:00Z");
        assertThat(end.allow()).isFalse();
        assertThat(end.reasons()).containsExactly("exception-not-active");
        assertThat(decide("api", "http", "POST", "/orders/1", p, "2027-01-10T10:00:00Z").reasons())
                .containsExactly("not-granted");
    }

    @Test
    void aPrincipalThatNoExceptionNamesIsNotGranted() {
        Decision d = decide("api", "http", "GET", "/orders/1", "user:mallory@x.example", "2027-01-10T10:00:00Z");
        assertThat(d.allow()).isFalse();
        assertThat(d.reasons()).containsExactly("not-granted");
        assertThat(decide("api", "http", "GET", "/orders/1", "identity:api", "2027-01-10T10:00:00Z").reasons())
                .containsExactly("granted");
    }

    @Test
    void unknownIdentityOrCredentialIsDeniedWithNullOwnerOrRevoker() {
        Decision unknown = decide("ghost", "http", "GET", "/orders/1", null, "2027-01-01T00:00:00Z");
        assertThat(unknown.allow()).isFalse();
        assertThat(unknown.reasons()).containsExactly("unknown-credential");
        assertThat(unknown.owner()).isNull();
        assertThat(unknown.revoker()).isNull();
        Decision noCredential = decide("api", "nope", "GET", "/orders/1", null, "2027-01-01T00:00:00Z");
        assertThat(noCredential.reasons()).containsExactly("unknown-credential");
        assertThat(noCredential.owner()).isEqualTo("team");
        assertThat(noCredential.revoker()).isNull();
    }

    @Test
    void monitorIssuedCredentialsAreInTheDataAndMarked() {
        assertThat(data.credentials().get("partner.k").monitor()).isTrue();
        assertThat(data.credentials().get("partner.feed").monitor()).isFalse();
        assertThat(data.toJson().get("credentials").get("partner.k").get("monitor").asBoolean()).isTrue();
    }

    @Test
    void decisionObjectHasTheFieldsOfTheSpecification() {
        assertThat(decide("ghost", "x", "a", "r", null, "2027-01-01T00:00:00Z").toJson().toString())
                .isEqualTo("{\"allow\":false,\"reasons\":[\"unknown-credential\"],\"owner\":null,\"revoker\":null}");
    }
}
