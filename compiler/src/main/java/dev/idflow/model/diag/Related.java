package dev.idflow.model.diag;

import dev.idflow.model.SourceSpan;

/** Another place that a finding refers to, such as the first of two duplicate declarations. */
public record Related(SourceSpan span, String message) {
}
