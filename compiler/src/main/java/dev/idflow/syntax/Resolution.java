package dev.idflow.syntax;

import dev.idflow.model.Policy;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;

/**
 * The resolved policy and the language findings of resolution. When any finding is an
 * error the policy may be partial (missing values are null) and must not be checked or
 * compiled.
 */
public record Resolution(Policy policy, List<Diagnostic> diagnostics) {

    public Resolution {
        diagnostics = List.copyOf(diagnostics);
    }
}
