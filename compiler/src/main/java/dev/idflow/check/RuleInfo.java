package dev.idflow.check;

import dev.idflow.model.diag.Severity;

/**
 * The metadata of one diagnostic code, the single source for {@code explain}, the docs
 * pages and the SARIF rules: title, default severity, OWASP Non-Human Identities Top 10
 * (2025) and NIST CSF 2.0 ids (empty where CHECKS.md gives none), a one-line summary and
 * an explanation. The broken and fixed examples are the golden samples of the code.
 */
public record RuleInfo(
        String code,
        String title,
        Severity severity,
        String owasp,
        String nist,
        String summary,
        String explanation) {

    /** The help page of a code, for SARIF {@code helpUri} and the docs. */
    public String helpUri() {
        return "https://idflow.dev/docs/checks/" + code + ".html";
    }
}
