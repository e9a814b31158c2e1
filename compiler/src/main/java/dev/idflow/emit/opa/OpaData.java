package dev.idflow.emit.opa;

import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.StreamedJson;
import dev.idflow.io.Json;
import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import dev.idflow.model.End;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.target.Ends;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OPA sees as {@code data.idflow}, derived once from the model: written to
 * {@code idflow/data.json} and read by {@link Decision}, so the bundle and {@code idflow query}
 * decide on exactly the same facts.
 */
public record OpaData(String policy, String revision, Map<String, IdentityData> identities,
        Map<String, CredentialData> credentials, Map<String, ExceptionData> exceptions) {

    public OpaData {
        identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        exceptions = Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
    }

    /** An identity: kind, owner, env and the first instant it is no longer valid (or null). */
    public record IdentityData(String kind, String owner, String env, Instant notAfter) {
    }

    /** A credential, keyed {@code IDENTITY.CREDENTIAL}; {@code notAfter} includes its identity's end. */
    public record CredentialData(String identity, String type, String issuer, String revoker, boolean monitor,
            Instant notAfter, Long ttlSeconds, List<GrantData> grants) {
        public CredentialData {
            grants = List.copyOf(grants);
        }
    }

    /** Action and resource patterns as written ({@link Patterns}). */
    public record GrantData(List<String> actions, List<String> resources) {

        public GrantData {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }

        /** True when some action pattern and some resource pattern match, as {@code regex.match} would. */
        public boolean matches(String action, String resource) {
            return anyMatches(actions, action) && anyMatches(resources, resource);
        }

        // loops, not streams: the tests of a large policy decide a hundred thousand requests
        private static boolean anyMatches(List<String> patterns, String text) {
            for (String p : patterns) {
                if (Patterns.matches(p, text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A credential granted to principals inside {@code notBefore <= t < notAfter}. */
    public record ExceptionData(List<ExceptionGrantData> grants, Instant notBefore, Instant notAfter,
            boolean breakGlass, String approver, String ticket) {
        public ExceptionData {
            grants = List.copyOf(grants);
        }
    }

    public record ExceptionGrantData(String credential, List<String> principals) {
        public ExceptionGrantData {
            principals = List.copyOf(principals);
        }
    }

    /** The data of a resolved policy free of error findings. */
    public static OpaData of(Policy policy, String revision) {
        Map<String, IdentityData> identities = new LinkedHashMap<>();
        Map<String, CredentialData> credentials = new LinkedHashMap<>();
        for (Identity i : policy.identities().values()) {
            identities.put(i.name(), new IdentityData(i.kind().word(), i.owner(), i.env(), instant(i.expires())));
            for (Credential c : i.credentials().values()) {
                credentials.put(c.qualifiedName(), credential(policy, i, c));
            }
        }
        Map<String, ExceptionData> exceptions = new LinkedHashMap<>();
        for (ExceptionGrant ex : policy.exceptions().values()) {
            List<ExceptionGrantData> grants = new ArrayList<>();
            for (ExceptionGrant.GrantTo g : ex.grants()) {
                grants.add(new ExceptionGrantData(g.qualifiedName(), values(g.principals())));
            }
            exceptions.put(ex.name(), new ExceptionData(grants, ceil(ex.from()), floor(ex.until()), ex.breakGlass(),
                    ex.approver(), ex.ticket()));
        }
        return new OpaData(policy.name(), revision, identities, credentials, exceptions);
    }

    private static CredentialData credential(Policy policy, Identity identity, Credential c) {
        ManagedSystem issuer = policy.system(c.issuer());
        List<GrantData> grants = new ArrayList<>();
        for (Grant g : c.grants()) {
            List<String> resources = values(g.resources());
            if (resources.isEmpty() && issuer != null && issuer.kind() == SystemKind.GCP_IAM
                    && issuer.project() != null) {
                resources = List.of("projects/" + issuer.project());
            }
            grants.add(new GrantData(values(g.actions()), resources));
        }
        if (c.type() == CredentialType.SECRET && c.path() != null) {
            grants.add(new GrantData(List.of("read"), List.of(c.path())));
        }
        return new CredentialData(identity.name(), c.type().word(), c.issuer(), c.revoker(),
                issuer != null && issuer.monitored(), floor(Ends.notAfter(policy, c)),
                c.ttl() == null ? null : c.ttl().getSeconds(), grants);
    }

    private static List<String> values(List<Located> located) {
        String[] values = new String[located.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = located.get(i).value();
        }
        return List.of(values);
    }

    private static Instant instant(End end) {
        return end == null ? null : floor(end.instant());
    }

    /**
     * Times are written with whole seconds: an end is rounded down and a start up, so a
     * fraction of a second in the policy can only narrow access, and the data that the
     * query reads is exactly what OPA reads.
     */
    private static Instant floor(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant ceil(Instant t) {
        Instant f = floor(t);
        return f == null || f.equals(t) ? f : f.plusSeconds(1);
    }

    /** {@code idflow/data.json}, whole. */
    public ObjectNode toJson() {
        ObjectNode root = skeleton();
        ObjectNode ids = (ObjectNode) root.get("identities");
        identities.forEach((name, i) -> ids.set(name, identityJson(i)));
        ObjectNode creds = (ObjectNode) root.get("credentials");
        credentials.forEach((key, c) -> creds.set(key, credentialJson(c)));
        ObjectNode exs = (ObjectNode) root.get("exceptions");
        exceptions.forEach((name, e) -> exs.set(name, exceptionJson(e)));
        return root;
    }

    /** Puts {@code idflow/data.json} as the file {@code path}, written entry by entry (the same bytes as {@link #toJson}). */
    void stream(String path, FileSink sink) throws OutputException {
        StreamedJson data = new StreamedJson(path, skeleton(), sink);
        identities.forEach((name, i) -> data.entry("identities", name, identityJson(i)));
        credentials.forEach((key, c) -> data.entry("credentials", key, credentialJson(c)));
        exceptions.forEach((name, e) -> data.entry("exceptions", name, exceptionJson(e)));
        data.finish();
    }

    /** The document with its three maps empty. */
    private ObjectNode skeleton() {
        ObjectNode root = Json.object();
        root.put("policy", policy);
        root.put("revision", revision);
        root.putObject("identities");
        root.putObject("credentials");
        root.putObject("exceptions");
        return root;
    }

    private static ObjectNode identityJson(IdentityData i) {
        ObjectNode n = Json.object();
        n.put("kind", i.kind());
        n.put("owner", i.owner());
        n.put("env", i.env());
        n.put("not_after", time(i.notAfter()));
        return n;
    }

    private static ObjectNode credentialJson(CredentialData c) {
        ObjectNode n = Json.object();
        n.put("identity", c.identity());
        n.put("type", c.type());
        n.put("issuer", c.issuer());
        n.put("revoker", c.revoker());
        n.put("monitor", c.monitor());
        n.put("not_after", time(c.notAfter()));
        if (c.ttlSeconds() == null) {
            n.putNull("ttl_seconds");
        } else {
            n.put("ttl_seconds", c.ttlSeconds().longValue());
        }
        ArrayNode grants = n.putArray("grants");
        for (GrantData g : c.grants()) {
            ObjectNode gn = grants.addObject();
            strings(gn.putArray("actions"), g.actions());
            strings(gn.putArray("resources"), g.resources());
            regexes(gn.putArray("action_patterns"), g.actions());
            regexes(gn.putArray("resource_patterns"), g.resources());
        }
        return n;
    }

    private static ObjectNode exceptionJson(ExceptionData e) {
        ObjectNode n = Json.object();
        ArrayNode grants = n.putArray("grants");
        for (ExceptionGrantData g : e.grants()) {
            ObjectNode gn = grants.addObject();
            gn.put("credential", g.credential());
            strings(gn.putArray("principals"), g.principals());
        }
        n.put("not_before", time(e.notBefore()));
        n.put("not_after", time(e.notAfter()));
        n.put("break_glass", e.breakGlass());
        n.put("approver", e.approver());
        n.put("ticket", e.ticket());
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Each pattern as the anchored regular expression OPA's {@code regex.match} reads. */
    private static void regexes(ArrayNode array, List<String> patterns) {
        patterns.forEach(p -> array.add(Patterns.regex(p)));
    }

    static String time(Instant t) {
        return t == null ? null : Values.rfc3339(t);
    }
}
