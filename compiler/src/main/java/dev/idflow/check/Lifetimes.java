package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.End;
import dev.idflow.model.ExpiryRule;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import java.time.Duration;
import java.time.Instant;

/**
 * Lifetimes as LANGUAGE.md ("Effective lifetime") defines them, and the expiry rule that
 * applies to a credential: the rule {@code in ENV} of its identity's env replaces the
 * general rule for that type; identities without env get the general rule.
 */
final class Lifetimes {

    private Lifetimes() {
    }

    /**
     * The effective lifetime of {@code c} at {@code now}: its {@code ttl}, else the time from
     * now to its {@code expires}, in both cases ending no later than the identity's
     * {@code expires}; null when it has no end at all.
     */
    static Duration effective(Credential c, Identity i, Instant now) {
        Duration own = c.ttl();
        if (own == null && c.expires() != null) {
            own = Duration.between(now, c.expires().instant());
        }
        End bound = i.expires();
        if (bound == null) {
            return own;
        }
        Duration untilIdentityEnds = Duration.between(now, bound.instant());
        return own == null || untilIdentityEnds.compareTo(own) < 0 ? untilIdentityEnds : own;
    }

    /** The expiry rule for {@code c}, or null when none names its type. */
    static ExpiryRule rule(Policy policy, Credential c, Identity i) {
        ExpiryRule general = null;
        for (ExpiryRule r : policy.expiryRules()) {
            if (!r.types().contains(c.type())) {
                continue;
            }
            if (r.env() == null) {
                general = r;
            } else if (r.env().equals(i.env())) {
                return r;
            }
        }
        return general;
    }

    /** "`token` in `prod`" or "`token`": the rule's scope for messages. */
    static String scope(ExpiryRule r, Credential c) {
        return "`" + c.type().word() + "`" + (r.env() == null ? "" : " in `" + r.env() + "`");
    }

    /** Has the end passed at {@code now}? An end is the first instant no longer valid. */
    static boolean ended(End end, Instant now) {
        return end != null && !now.isBefore(end.instant());
    }

    /** A length for messages, exact and readable: {@code 3d 1s}, {@code 579d 16h}, {@code 4h}. */
    static String describe(Duration d) {
        long s = d.getSeconds();
        long[] parts = {s / 86400, s % 86400 / 3600, s % 3600 / 60, s % 60};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != 0) {
                out.append(out.length() == 0 ? "" : " ").append(parts[k]).append(units[k]);
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }
}
