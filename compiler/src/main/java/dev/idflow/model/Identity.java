package dev.idflow.model;

import java.util.List;
import java.util.Map;

/**
 * A non-human identity with its owner, environment, end, effective sources per event
 * (its own overrides over the policy-wide defaults) and its credentials by name.
 */
public record Identity(
        String name,
        IdentityKind kind,
        String owner,
        String env,
        End expires,
        String description,
        Map<Event, Source> sources,
        List<Waiver> waivers,
        Map<String, Credential> credentials,
        Spans spans) {

    public Identity {
        sources = Map.copyOf(sources);
        waivers = List.copyOf(waivers);
        credentials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(credentials));
    }
}
