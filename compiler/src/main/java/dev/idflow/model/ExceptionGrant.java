package dev.idflow.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A time-bound exception: credentials granted to other principals, with its evidence and
 * the half-open window {@code from <= t < until}. {@code until} is null when the policy
 * gives no end; with {@code for}, it is {@code from + for}.
 */
public record ExceptionGrant(
        String name,
        List<GrantTo> grants,
        String approver,
        String ticket,
        String reason,
        Instant from,
        Instant until,
        Duration declaredFor,
        boolean breakGlass,
        Spans spans) {

    public ExceptionGrant {
        grants = List.copyOf(grants);
    }

    /** The length of the window, or null when it has no end. */
    public Duration duration() {
        return from == null || until == null ? null : Duration.between(from, until);
    }

    /** {@code grant IDENTITY.CREDENTIAL to "PRINCIPAL", ...}. */
    public record GrantTo(String identity, String credential, List<Located> principals, SourceSpan span) {
        public GrantTo {
            principals = List.copyOf(principals);
        }

        public String qualifiedName() {
            return identity + "." + credential;
        }
    }
}
