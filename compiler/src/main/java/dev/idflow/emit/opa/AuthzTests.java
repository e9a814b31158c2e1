package dev.idflow.emit.opa;

import dev.idflow.io.Json;
import java.time.Instant;
import java.util.Map;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;

/**
 * {@code idflow/authz_test.rego}: tests that {@code opa test} runs against the bundle, at
 * instants taken from the policy (never the clock), each expecting exactly the decision that
 * {@link Decision} computes. Policy strings appear only as JSON string literals (valid Rego
 * terms) inside the input and expected objects; comments carry plain names only.
 */
public final class AuthzTests {

    /** The instant used for a credential that has no end: any instant is inside its validity. */
    static final Instant NO_END = Instant.parse("2000-01-01T00:00:00Z");
    /** An action that no grant names, unless a grant matches every action. */
    static final String UNGRANTED_ACTION = "idflow:not-granted";

    private AuthzTests() {
    }

    record Case(String name, String comment, Decision.Request request, Decision expected) {
    }

    /**
     * Where the test cases go, in order, each written as soon as it is made: a large policy
     * has a hundred thousand, which need not all be held at once.
     */
    private static final class Cases {
        private final JsonGenerator out;
        private int count;

        Cases(JsonGenerator out) {
            this.out = out;
        }

        int size() {
            return count;
        }

        void add(Case c) {
            count++;
            out.writeRaw("\n# " + c.comment() + "\n" + c.name() + " if {\n\tauthz.decision == ");
            c.expected().write(out);
            out.writeRaw(" with input as ");
            c.request().write(out);
            out.writeRaw("\n}\n");
        }
    }

    /** The test cases, credential by credential, then exception by exception. */
    private static void cases(OpaData data, Cases cases) {
        for (Map.Entry<String, OpaData.CredentialData> e : data.credentials().entrySet()) {
            credentialCases(data, e.getKey(), e.getValue(), cases);
        }
        data.exceptions().forEach((name, ex) -> exceptionCases(data, name, ex, cases));
    }

    private static void credentialCases(OpaData data, String key, OpaData.CredentialData c, Cases cases) {
        String credential = key.substring(c.identity().length() + 1);
        Instant inside = c.notAfter() == null ? NO_END : c.notAfter().minusSeconds(1);
        String[] sample = sample(c);
        if (sample != null) {
            add(data, cases, "allowed", "credential " + key + ": a granted request inside its validity",
                    new Decision.Request(c.identity(), credential, sample[0], sample[1], null, inside));
            if (c.notAfter() != null) {
                add(data, cases, "expired", "credential " + key + ": the same request at its not_after",
                        new Decision.Request(c.identity(), credential, sample[0], sample[1], null, c.notAfter()));
            }
        }
        Decision.Request ungranted = new Decision.Request(c.identity(), credential, UNGRANTED_ACTION,
                sample == null ? "x" : sample[1], null, inside);
        Decision denied = Decision.decide(data, ungranted);
        if (!denied.allow()) {
            add(cases, "not_granted", "credential " + key + ": an action it was not granted", ungranted, denied);
        }
    }

    private static void exceptionCases(OpaData data, String name, OpaData.ExceptionData ex, Cases cases) {
        for (OpaData.ExceptionGrantData g : ex.grants()) {
            OpaData.CredentialData c = data.credentials().get(g.credential());
            String[] sample = c == null ? null : sample(c);
            if (sample == null || g.principals().isEmpty() || ex.notBefore() == null) {
                continue;
            }
            String credential = g.credential().substring(c.identity().length() + 1);
            String principal = g.principals().get(0);
            add(data, cases, "exception_inside", "exception " + name + ": " + g.credential() + " at its start",
                    new Decision.Request(c.identity(), credential, sample[0], sample[1], principal, ex.notBefore()));
            Instant outside = ex.notAfter() == null ? ex.notBefore().minusSeconds(1) : ex.notAfter();
            add(data, cases, "exception_outside", "exception " + name + ": " + g.credential()
                    + (ex.notAfter() == null ? " before its start" : " at its end"),
                    new Decision.Request(c.identity(), credential, sample[0], sample[1], principal, outside));
        }
    }

    /** A concrete action and resource of the credential's first grant, or null when it grants nothing. */
    private static String[] sample(OpaData.CredentialData c) {
        for (OpaData.GrantData g : c.grants()) {
            if (!g.actions().isEmpty() && !g.resources().isEmpty()) {
                return new String[] {Patterns.example(g.actions().get(0)), Patterns.example(g.resources().get(0))};
            }
        }
        return null;
    }

    private static void add(OpaData data, Cases cases, String kind, String comment, Decision.Request r) {
        add(cases, kind, comment, r, Decision.decide(data, r));
    }

    private static void add(Cases cases, String kind, String comment, Decision.Request r, Decision expected) {
        cases.add(new Case(name(cases.size() + 1, kind), comment, r, expected));
    }

    /** {@code test_NNN_KIND}, the number with at least three digits. */
    static String name(int number, String kind) {
        String digits = Integer.toString(number);
        return "test_" + "000".substring(Math.min(3, digits.length())) + digits + "_" + kind;
    }

    /**
     * Writes the UTF-8 text of {@code authz_test.rego} into {@code file} and closes it: the
     * decision and the input of each test are compact JSON, which is also a Rego term (strings
     * escaped as JSON escapes them).
     */
    static void write(OpaData data, OutputStream file) {
        try (JsonGenerator out = Json.compactGenerator(file)) {
            out.writeRaw("# Generated by idflow from the policy (see data.json for its name and revision).\n");
            out.writeRaw("# Each test expects the decision that `idflow query` computes for the same input.\n");
            out.writeRaw("package idflow.authz_test\n\nimport data.idflow.authz\n");
            cases(data, new Cases(out));
        }
    }
}
