package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;

/** A word as written: a declaration's name, a reference, a kind or a capability. */
public record Name(String text, SourceSpan span) {
}
