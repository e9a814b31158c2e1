package dev.idflow.model;

import java.util.Set;

/**
 * A system that holds access: what it is, what it can do by API (with the capabilities an
 * {@code opa} system always has), its environment and whether idflow orchestrates it.
 */
public record ManagedSystem(
        String name,
        SystemKind kind,
        Set<Capability> declared,
        Set<Capability> capabilities,
        String env,
        Mode mode,
        String account,
        String project,
        String address,
        Spans spans) {

    public ManagedSystem {
        declared = Set.copyOf(declared);
        capabilities = Set.copyOf(capabilities);
    }

    public boolean can(Capability c) {
        return capabilities.contains(c);
    }

    public boolean monitored() {
        return mode == Mode.MONITOR;
    }
}
