package dev.idflow.model;

/**
 * The authoritative source of one lifecycle event: the system that decides it, where that
 * was written, and whether the identity inherited it from the policy-wide default.
 */
public record Source(Event event, String system, SourceSpan span, boolean inherited) {
}
