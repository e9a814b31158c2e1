package dev.idflow.model;

import java.time.Duration;
import java.util.List;

/**
 * Delegated administration: an owner that may create identities of some kinds in some
 * systems on its own, and the system that reconciles what it created.
 */
public record Delegation(
        String name,
        String to,
        List<IdentityKind> kinds,
        List<Located> systems,
        Duration reconcileEvery,
        String reconcileBy,
        Spans spans) {

    public Delegation {
        kinds = List.copyOf(kinds);
        systems = List.copyOf(systems);
    }
}
