package dev.idflow.model;

import java.time.Duration;
import java.util.Set;

/**
 * {@code expiry TYPE, ... [in ENV] { max D rotate D }}: the longest lifetime and rotation
 * interval for credentials of some types; env is null for the general rule.
 */
public record ExpiryRule(Set<CredentialType> types, String env, Duration max, Duration rotate, Spans spans) {

    public ExpiryRule {
        types = Set.copyOf(types);
    }
}
