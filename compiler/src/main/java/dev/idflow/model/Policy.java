package dev.idflow.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved policy: every reference linked, defaults applied, names sorted. Checks and
 * emitters read this, never the syntax tree. Maps iterate in name order, so everything
 * derived from it is deterministic whatever the order the files were read in.
 */
public record Policy(
        String name,
        Duration maxException,
        Duration maxBreakGlass,
        Map<String, ManagedSystem> systems,
        Map<String, Owner> owners,
        Map<Event, Source> sources,
        List<ExpiryRule> expiryRules,
        Map<String, Identity> identities,
        Map<String, ExceptionGrant> exceptions,
        Map<String, Delegation> delegations,
        List<Located> strings,
        Spans spans) {

    /** LANGUAGE.md: {@code max-exception} defaults to 7 days. */
    public static final Duration DEFAULT_MAX_EXCEPTION = Duration.ofDays(7);
    /** LANGUAGE.md: {@code max-break-glass} defaults to 24 hours. */
    public static final Duration DEFAULT_MAX_BREAK_GLASS = Duration.ofHours(24);

    public Policy {
        systems = frozen(systems);
        owners = frozen(owners);
        sources = Map.copyOf(sources);
        expiryRules = List.copyOf(expiryRules);
        identities = frozen(identities);
        exceptions = frozen(exceptions);
        delegations = frozen(delegations);
        strings = List.copyOf(strings);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public ManagedSystem system(String name) {
        return systems.get(name);
    }

    /** The credential {@code identity.credential}, or null. */
    public Credential credential(String identity, String credential) {
        Identity i = identities.get(identity);
        return i == null ? null : i.credentials().get(credential);
    }
}
