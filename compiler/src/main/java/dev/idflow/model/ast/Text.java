package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;

/** A string literal: its value with escapes resolved, and the span of the quoted text. */
public record Text(String value, SourceSpan span) {
}
