package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;

/** A literal starting with a digit, not yet read: a duration, a date or a timestamp. */
public record Literal(String text, SourceSpan span) {
}
