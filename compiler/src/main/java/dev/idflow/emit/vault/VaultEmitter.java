package dev.idflow.emit.vault;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.EmitSupport;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.io.Json;
import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.target.Ends;
import dev.idflow.target.ExceptionsAt;
import dev.idflow.target.VaultHcl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * HashiCorp Vault (TARGETS.md): for every system of kind {@code vault} in {@code mode enforce},
 * an ACL policy per identity, a token role where it has tokens, lease settings per secret,
 * and an ACL policy with a token role per exception. Nothing carries a zero or missing TTL,
 * which Vault would read as "never expires".
 */
public final class VaultEmitter implements Emitter {

    /** The capability every {@code secret}'s {@code path} gets (LANGUAGE.md). */
    static final String SECRET_CAPABILITY = "read";

    @Override
    public String target() {
        return "vault";
    }

    @Override
    public String schema(String path) {
        if (path.contains("/secrets/") && path.endsWith(".json")) {
            return "vault-secret";
        }
        return path.endsWith(".json") ? "vault-token-role" : null;
    }

    @Override
    public void emit(EmitInput input, FileSink out) throws OutputException {
        Policy policy = input.policy();
        Map<String, List<ExceptionGrant>> exceptionsAt = ExceptionsAt.bySystem(policy);
        for (Map.Entry<ManagedSystem, List<EmitSupport.Issued>> entry
                : EmitSupport.issuedByEnforced(policy, SystemKind.VAULT).entrySet()) {
            ManagedSystem system = entry.getKey();
            String dir = "vault/" + EmitSupport.segment(system.name()) + "/";
            for (EmitSupport.Issued issued : entry.getValue()) {
                identityFiles(dir, issued.identity(), issued.credentials(), out);
            }
            for (ExceptionGrant exception : exceptionsAt.getOrDefault(system.name(), List.of())) {
                exceptionFiles(policy, dir, system, exception, out);
            }
        }
    }

    private static void identityFiles(String dir, Identity identity, List<Credential> credentials, FileSink out)
            throws OutputException {
        String name = EmitSupport.segment(identity.name());
        String policyName = "idflow-" + identity.name();
        SortedMap<String, SortedSet<String>> paths = paths(credentials);
        if (!paths.isEmpty()) {
            StringBuilder hcl = new StringBuilder()
                    .append(Hcl.note("idflow: Vault ACL policy " + policyName))
                    .append(Hcl.note("identity " + identity.name() + ", owner " + identity.owner()));
            if (identity.description() != null) {
                hcl.append(Hcl.comment("description", identity.description()));
            }
            hcl.append(Hcl.paths(paths));
            out.put(GeneratedFile.text(dir + "policies/" + name + ".hcl", hcl.toString()));
        }
        Duration tokenTtl = credentials.stream()
                .filter(c -> c.type() == CredentialType.TOKEN && positive(c.ttl()))
                .map(Credential::ttl)
                .max(Duration::compareTo)
                .orElse(null);
        if (tokenTtl != null) {
            out.put(EmitSupport.json(dir + "token-roles/" + name + ".json", "vault-token-role",
                    tokenRole(policyName, tokenTtl.getSeconds())));
        }
        for (Credential c : credentials) {
            if (c.type() == CredentialType.SECRET && positive(c.ttl()) && c.path() != null) {
                out.put(EmitSupport.json(dir + "secrets/" + name + "." + EmitSupport.segment(c.name()) + ".json",
                        "vault-secret", secret(c)));
            }
        }
    }

    /**
     * The exception's ACL policy and token role at this system. The role's
     * {@code token_explicit_max_ttl} is the window, ended no later than the earliest end of
     * the credentials it grants, so that no token created from it outlives any of them.
     */
    private static void exceptionFiles(Policy policy, String dir, ManagedSystem system, ExceptionGrant exception,
            FileSink out) throws OutputException {
        List<Credential> granted = new ArrayList<>();
        Instant end = null;
        for (ExceptionGrant.GrantTo grant : exception.grants()) {
            Credential c = policy.credential(grant.identity(), grant.credential());
            if (c == null || !system.name().equals(c.issuer())) {
                continue;
            }
            Instant e = Ends.exceptionEnd(policy, exception, c);
            if (e == null) {
                return;
            }
            end = end == null || e.isBefore(end) ? e : end;
            granted.add(c);
        }
        SortedMap<String, SortedSet<String>> paths = paths(granted);
        if (paths.isEmpty() || exception.from() == null || !end.isAfter(exception.from())) {
            return;
        }
        String name = EmitSupport.segment(exception.name());
        String policyName = "idflow-exception-" + exception.name();
        StringBuilder hcl = new StringBuilder()
                .append(Hcl.note("idflow: Vault ACL policy " + policyName))
                .append(Hcl.note("exception " + exception.name() + ", approved by " + exception.approver()
                        + ", from " + Values.rfc3339(exception.from()) + " until " + Values.rfc3339(end)))
                .append(Hcl.comment("ticket", exception.ticket()))
                .append(Hcl.comment("reason", exception.reason()))
                .append(Hcl.paths(paths));
        out.put(GeneratedFile.text(dir + "exceptions/" + name + ".hcl", hcl.toString()));
        long seconds = Duration.between(exception.from(), end).getSeconds();
        out.put(EmitSupport.json(dir + "exceptions/" + name + ".token-role.json", "vault-token-role",
                tokenRole(policyName, seconds)));
    }

    /** Paths to their capabilities, both sorted: every grant, and {@code read} on each secret's path. */
    static SortedMap<String, SortedSet<String>> paths(List<Credential> credentials) {
        SortedMap<String, SortedSet<String>> paths = new TreeMap<>();
        for (Credential c : credentials) {
            for (Grant g : c.grants()) {
                for (Located resource : g.resources()) {
                    SortedSet<String> caps = paths.computeIfAbsent(resource.value(), p -> new TreeSet<>());
                    g.actions().forEach(a -> caps.add(a.value()));
                }
            }
            if (VaultHcl.secretPath(c) != null) {
                paths.computeIfAbsent(VaultHcl.secretPath(c), p -> new TreeSet<>()).add(SECRET_CAPABILITY);
            }
        }
        paths.values().removeIf(SortedSet::isEmpty);
        return paths;
    }

    private static boolean positive(Duration d) {
        return d != null && d.getSeconds() > 0;
    }

    private static ObjectNode tokenRole(String policyName, long seconds) {
        ObjectNode role = Json.object();
        role.putArray("allowed_policies").add(policyName);
        role.put("token_explicit_max_ttl", seconds);
        role.put("renewable", true);
        role.put("orphan", false);
        return role;
    }

    private static ObjectNode secret(Credential c) {
        ObjectNode s = Json.object();
        s.put("path", c.path());
        s.put("default_ttl", c.ttl().getSeconds());
        s.put("max_ttl", c.ttl().getSeconds());
        return s;
    }
}
