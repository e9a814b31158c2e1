package dev.idflow.flow;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle flows of a policy, derived once (LANGUAGE.md, "Lifecycle flows"). The flow
 * checks and the orchestration plan both read these; nothing else derives flows.
 */
public final class Flows {

    private final Map<String, Map<Event, Flow>> byIdentity;
    private final Map<String, ExceptionFlow> byException;

    private Flows(Map<String, Map<Event, Flow>> byIdentity, Map<String, ExceptionFlow> byException) {
        this.byIdentity = byIdentity;
        this.byException = byException;
    }

    /** Derives every flow of a resolved policy free of language errors. */
    public static Flows derive(Policy policy) {
        // identities are independent: derive them on every core, then keep them in name order
        List<Map.Entry<String, Map<Event, Flow>>> derived = List.copyOf(policy.identities().values())
                .parallelStream().map(identity -> Map.entry(identity.name(), flows(policy, identity))).toList();
        Map<String, Map<Event, Flow>> identities = new LinkedHashMap<>();
        derived.forEach(e -> identities.put(e.getKey(), e.getValue()));
        Map<String, ExceptionFlow> exceptions = new LinkedHashMap<>();
        for (ExceptionGrant ex : policy.exceptions().values()) {
            exceptions.put(ex.name(), exceptionFlow(policy, ex));
        }
        return new Flows(Collections.unmodifiableMap(identities), Collections.unmodifiableMap(exceptions));
    }

    private static Map<Event, Flow> flows(Policy policy, Identity identity) {
        // one qualified name per credential, shared by its steps in every flow (a large policy has
        // four to five steps per credential, all of them kept to the end)
        List<Credential> credentials = List.copyOf(identity.credentials().values());
        List<String> names = credentials.stream().map(Credential::qualifiedName).toList();
        Map<Event, Flow> flows = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            flows.put(e, new Flow(identity.name(), e, identity.sources().get(e), steps(policy, credentials, names, e)));
        }
        return Collections.unmodifiableMap(flows);
    }

    /** The flow of {@code event} for {@code identity}. */
    public Flow flow(String identity, Event event) {
        Map<Event, Flow> flows = byIdentity.get(identity);
        return flows == null ? null : flows.get(event);
    }

    /** The four flows of an identity, in event order. */
    public Map<Event, Flow> of(String identity) {
        return byIdentity.getOrDefault(identity, Map.of());
    }

    public ExceptionFlow exception(String name) {
        return byException.get(name);
    }

    /** Every identity flow, identity by identity in name order, events in order. */
    public List<Flow> all() {
        List<Flow> all = new ArrayList<>();
        byIdentity.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    private static List<Step> steps(Policy policy, List<Credential> credentials, List<String> names, Event event) {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < credentials.size(); k++) {
            Credential c = credentials.get(k);
            String name = names.get(k);
            switch (event) {
                case CREATE -> {
                    steps.add(step(policy, c.issuer(), Capability.PROVISION, name, Step.Action.ISSUE));
                    for (Located s : c.storedIn()) {
                        steps.add(step(policy, s.value(), Capability.STORE, name, Step.Action.STORE));
                    }
                }
                case UPDATE -> steps.add(step(policy, c.issuer(), Capability.PROVISION, name, Step.Action.REISSUE));
                case SUSPEND -> {
                    ManagedSystem issuer = policy.system(c.issuer());
                    boolean canSuspend = issuer != null && issuer.can(Capability.SUSPEND);
                    steps.add(canSuspend
                            ? step(policy, c.issuer(), Capability.SUSPEND, name, Step.Action.SUSPEND)
                            : step(policy, c.issuer(), Capability.REVOKE, name, Step.Action.REVOKE));
                }
                case DELETE -> {
                    steps.add(step(policy, c.revoker(), Capability.REVOKE, name, Step.Action.REVOKE));
                    for (Located s : c.storedIn()) {
                        steps.add(step(policy, s.value(), Capability.REVOKE, name, Step.Action.PURGE));
                    }
                }
                default -> throw new IllegalStateException(event.word());
            }
        }
        return steps;
    }

    private static ExceptionFlow exceptionFlow(Policy policy, ExceptionGrant ex) {
        List<Step> attach = new ArrayList<>();
        List<Step> detach = new ArrayList<>();
        for (ExceptionGrant.GrantTo g : ex.grants()) {
            Credential c = policy.credential(g.identity(), g.credential());
            if (c == null) {
                continue;
            }
            String name = c.qualifiedName();
            attach.add(step(policy, c.issuer(), Capability.PROVISION, name, Step.Action.ATTACH));
            detach.add(step(policy, c.issuer(), Capability.REVOKE, name, Step.Action.DETACH));
        }
        return new ExceptionFlow(ex.name(), attach, detach);
    }

    private static Step step(Policy policy, String systemName, Capability capability, String credential,
            Step.Action action) {
        ManagedSystem system = systemName == null ? null : policy.system(systemName);
        boolean can = system != null && system.can(capability);
        boolean monitored = system != null && system.monitored();
        return new Step(systemName, capability, credential, action, can, monitored);
    }
}
