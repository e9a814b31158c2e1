package dev.idflow.emit.gcp;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.EmitSupport;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import dev.idflow.io.Json;
import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.target.Ends;
import dev.idflow.target.ExceptionsAt;
import dev.idflow.target.GcpMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GCP IAM (TARGETS.md): for every system of kind {@code gcp-iam} in {@code mode enforce},
 * {@code gcp/SYSTEM/policy.json}, one version-3 policy per resource, with conditional
 * bindings for every end and every exception window.
 */
public final class GcpEmitter implements Emitter {

    /** GCP's limits on a condition's title and description. */
    static final int MAX_TITLE = 100;
    static final int MAX_DESCRIPTION = 256;

    @Override
    public String target() {
        return "gcp";
    }

    @Override
    public String schema(String path) {
        return path.endsWith(".json") ? "gcp-policy" : null;
    }

    @Override
    public void emit(EmitInput input, FileSink out) throws OutputException {
        Policy policy = input.policy();
        Map<String, List<ExceptionGrant>> exceptionsAt = ExceptionsAt.bySystem(policy);
        for (Map.Entry<ManagedSystem, List<EmitSupport.Issued>> entry
                : EmitSupport.issuedByEnforced(policy, SystemKind.GCP_IAM).entrySet()) {
            ManagedSystem system = entry.getKey();
            Map<String, Map<Key, SortedSet<String>>> byResource = new TreeMap<>();
            for (EmitSupport.Issued issued : entry.getValue()) {
                for (Credential c : issued.credentials()) {
                    Instant notAfter = Ends.notAfter(policy, c);
                    Condition condition = notAfter == null ? null : expiry(notAfter);
                    add(byResource, system, c, List.of(GcpMembers.member(c, system)), condition);
                }
            }
            for (ExceptionGrant exception : exceptionsAt.getOrDefault(system.name(), List.of())) {
                for (ExceptionGrant.GrantTo grant : exception.grants()) {
                    Credential c = policy.credential(grant.identity(), grant.credential());
                    Instant until = c == null ? null : Ends.exceptionEnd(policy, exception, c);
                    if (c == null || !system.name().equals(c.issuer()) || until == null || exception.from() == null) {
                        continue;
                    }
                    List<String> members = grant.principals().stream()
                            .map(p -> GcpMembers.principal(policy, system, p.value())).toList();
                    add(byResource, system, c, members, window(exception, until));
                }
            }
            if (!byResource.isEmpty()) {
                String path = "gcp/" + EmitSupport.segment(system.name()) + "/policy.json";
                out.put(EmitSupport.json(path, "gcp-policy", document(byResource)));
            }
        }
    }

    private static void add(Map<String, Map<Key, SortedSet<String>>> byResource, ManagedSystem system,
            Credential c, List<String> members, Condition condition) {
        for (Grant g : c.grants()) {
            List<String> resources = g.resources().isEmpty()
                    ? List.of("projects/" + system.project())
                    : g.resources().stream().map(Located::value).toList();
            for (String resource : resources) {
                for (Located role : g.actions()) {
                    byResource.computeIfAbsent(resource, r -> new TreeMap<>())
                            .computeIfAbsent(new Key(role.value(), condition), k -> new TreeSet<>())
                            .addAll(members);
                }
            }
        }
    }

    private static Condition expiry(Instant notAfter) {
        String end = Values.rfc3339(notAfter);
        return new Condition("idflow: expires " + end,
                "Granted by idflow until " + end + " (exclusive), when the credential or its identity ends.",
                Cel.before(notAfter));
    }

    private static Condition window(ExceptionGrant exception, Instant until) {
        String from = Values.rfc3339(exception.from());
        String end = Values.rfc3339(until);
        String description = "idflow exception from " + from + " until " + end + ", ticket " + exception.ticket()
                + ", approved by " + exception.approver() + ": " + exception.reason();
        return new Condition(clip("idflow exception " + exception.name(), MAX_TITLE),
                clip(description, MAX_DESCRIPTION), Cel.window(exception.from(), until));
    }

    /** {@code text} in at most {@code max} characters, cut at a code point and marked with an ellipsis. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    private static ArrayNode document(Map<String, Map<Key, SortedSet<String>>> byResource) {
        ArrayNode out = Json.array();
        byResource.forEach((resource, bindings) -> {
            ObjectNode entry = out.addObject();
            entry.put("resource", resource);
            ObjectNode policy = entry.putObject("policy");
            policy.put("version", 3);
            ArrayNode list = policy.putArray("bindings");
            List<Map.Entry<Key, SortedSet<String>>> sorted = new ArrayList<>(bindings.entrySet());
            sorted.sort(BINDING_ORDER);
            sorted.forEach(b -> binding(list.addObject(), b.getKey(), b.getValue()));
        });
        return out;
    }

    private static void binding(ObjectNode b, Key key, SortedSet<String> members) {
        b.put("role", key.role());
        ArrayNode m = b.putArray("members");
        members.forEach(m::add);
        if (key.condition() != null) {
            ObjectNode c = b.putObject("condition");
            c.put("title", key.condition().title());
            c.put("description", key.condition().description());
            c.put("expression", key.condition().expression());
        }
    }

    /** By role, then members, then condition (none first). */
    private static final Comparator<Map.Entry<Key, SortedSet<String>>> BINDING_ORDER =
            Comparator.<Map.Entry<Key, SortedSet<String>>, String>comparing(e -> e.getKey().role())
                    .thenComparing(e -> String.join("\n", e.getValue()))
                    .thenComparing(e -> e.getKey().condition(),
                            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A binding is one role under one condition; its members are collected under that key. */
    private record Key(String role, Condition condition) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int r = role.compareTo(o.role);
            return r != 0 ? r : Comparator.nullsFirst(Comparator.<Condition>naturalOrder()).compare(condition, o.condition);
        }
    }

    /** An IAM condition. */
    private record Condition(String title, String description, String expression) implements Comparable<Condition> {
        @Override
        public int compareTo(Condition o) {
            return Comparator.comparing(Condition::expression).thenComparing(Condition::title)
                    .thenComparing(Condition::description).compare(this, o);
        }
    }
}
