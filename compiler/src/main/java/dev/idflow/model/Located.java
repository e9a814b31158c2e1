package dev.idflow.model;

/** A string value from the policy and where it was written. */
public record Located(String value, SourceSpan span) {
}
