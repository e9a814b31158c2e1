package dev.idflow.emit.opa;

import dev.idflow.io.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision of {@code authz.rego}, computed in Java on the same {@link OpaData}: what
 * {@code idflow query} prints and what the generated {@code authz_test.rego} expects. Any
 * change here is a change to {@code authz.rego} and the other way round.
 */
public record Decision(boolean allow, List<String> reasons, String owner, String revoker) {

    public static final String UNKNOWN_CREDENTIAL = "unknown-credential";
    public static final String CREDENTIAL_EXPIRED = "credential-expired";
    public static final String IDENTITY_EXPIRED = "identity-expired";
    public static final String NOT_GRANTED = "not-granted";
    public static final String EXCEPTION_NOT_ACTIVE = "exception-not-active";
    public static final String GRANTED = "granted";
    public static final String GRANTED_BY_EXCEPTION = "granted-by-exception:";

    private static final Set<String> DENIALS =
            Set.of(UNKNOWN_CREDENTIAL, CREDENTIAL_EXPIRED, IDENTITY_EXPIRED, NOT_GRANTED, EXCEPTION_NOT_ACTIVE);

    public Decision {
        reasons = List.copyOf(reasons);
    }

    /**
     * The input of {@code authz.rego}; {@code principal} null means the identity itself
     * ({@code identity:IDENTITY}).
     */
    public record Request(String identity, String credential, String action, String resource, String principal,
            Instant time) {

        /** Whether the identity itself uses the credential (no principal, or its own). */
        boolean bySelf() {
            return principal == null || principal.equals(self());
        }

        String self() {
            return "identity:" + identity;
        }

        /** The input object, as {@code opa eval -I} or a test's {@code with input as} would read it. */
        public ObjectNode toJson() {
            return (ObjectNode) Json.tree(this::write);
        }

        /** Writes {@link #toJson()}, without building it (the tests of a large policy write a hundred thousand). */
        void write(JsonGenerator g) {
            g.writeStartObject();
            g.writeStringProperty("identity", identity);
            g.writeStringProperty("credential", credential);
            g.writeStringProperty("action", action);
            g.writeStringProperty("resource", resource);
            if (principal != null) {
                g.writeStringProperty("principal", principal);
            }
            g.writeStringProperty("time", OpaData.time(time));
            g.writeEndObject();
        }
    }

    /** Decides {@code request} on {@code data}, rule by rule as {@code authz.rego} does. */
    public static Decision decide(OpaData data, Request request) {
        OpaData.IdentityData identity = data.identities().get(request.identity());
        OpaData.CredentialData credential = data.credentials().get(request.identity() + "." + request.credential());
        Instant t = request.time();
        TreeSet<String> reasons = new TreeSet<>();
        if (credential == null) {
            reasons.add(UNKNOWN_CREDENTIAL);
        }
        if (identity != null && expired(identity.notAfter(), t)) {
            reasons.add(IDENTITY_EXPIRED);
        }
        if (credential != null) {
            if (expired(credential.notAfter(), t)) {
                reasons.add(CREDENTIAL_EXPIRED);
            }
            reasons.addAll(grantReasons(data, request, credential));
        }
        boolean allow = credential != null && Collections.disjoint(reasons, DENIALS);
        return new Decision(allow, new ArrayList<>(reasons), identity == null ? null : identity.owner(),
                credential == null ? null : credential.revoker());
    }

    private static List<String> grantReasons(OpaData data, Request request, OpaData.CredentialData credential) {
        boolean matches = false;
        for (OpaData.GrantData g : credential.grants()) {
            if (g.matches(request.action(), request.resource())) {
                matches = true;
                break;
            }
        }
        if (request.bySelf()) {
            return List.of(matches ? GRANTED : NOT_GRANTED);
        }
        String principal = request.principal();
        String key = request.identity() + "." + request.credential();
        List<String> naming = new ArrayList<>();
        List<String> active = new ArrayList<>();
        data.exceptions().forEach((name, ex) -> {
            boolean names = ex.grants().stream()
                    .anyMatch(g -> g.credential().equals(key) && g.principals().contains(principal));
            if (names) {
                naming.add(name);
                if (ex.notBefore() != null && !request.time().isBefore(ex.notBefore())
                        && !expired(ex.notAfter(), request.time())) {
                    active.add(name);
                }
            }
        });
        List<String> reasons = new ArrayList<>();
        if (matches) {
            active.forEach(name -> reasons.add(GRANTED_BY_EXCEPTION + name));
        }
        if (!naming.isEmpty() && active.isEmpty()) {
            reasons.add(EXCEPTION_NOT_ACTIVE);
        }
        if (!matches || naming.isEmpty()) {
            reasons.add(NOT_GRANTED);
        }
        return reasons;
    }

    /** {@code t >= notAfter}; never for no end. */
    private static boolean expired(Instant notAfter, Instant t) {
        return notAfter != null && !t.isBefore(notAfter);
    }

    /** The decision object of TARGETS.md. */
    public ObjectNode toJson() {
        return (ObjectNode) Json.tree(this::write);
    }

    /** Writes {@link #toJson()}, without building it. */
    void write(JsonGenerator g) {
        g.writeStartObject();
        g.writeBooleanProperty("allow", allow);
        g.writeName("reasons");
        g.writeStartArray();
        for (String r : reasons) {
            g.writeString(r);
        }
        g.writeEndArray();
        g.writeStringProperty("owner", owner);
        g.writeStringProperty("revoker", revoker);
        g.writeEndObject();
    }
}
