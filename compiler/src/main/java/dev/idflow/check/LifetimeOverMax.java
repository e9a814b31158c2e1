package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.ExpiryRule;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import java.time.Duration;

/**
 * IDF302: a credential's effective lifetime (its {@code ttl}, else now to its
 * {@code expires}, bounded by its identity's {@code expires}) exceeds the {@code max} of the
 * expiry rule that applies.
 */
final class LifetimeOverMax implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF302", "Lifetime over the maximum", Severity.ERROR, "NHI7",
            "PR.AA-01",
            "A credential's lifetime exceeds the `max` of the expiry rule that applies.",
            "Expiry rules bound how long a credential of each type may live; a rule `in ENV` replaces the "
                    + "general rule for identities of that env. The lifetime is the `ttl`, or with only "
                    + "`expires` the time from now to that end, and never beyond the identity's `expires`. "
                    + "Shorten the `ttl`, move `expires` earlier, or, if the rule is wrong, change the rule.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                ExpiryRule rule = Lifetimes.rule(policy, c, i);
                Duration lifetime = Lifetimes.effective(c, i, ctx.now());
                if (rule == null || rule.max() == null || lifetime == null || lifetime.compareTo(rule.max()) <= 0) {
                    continue;
                }
                String max = Values.format(rule.max());
                String scope = Lifetimes.scope(rule, c);
                Finding f;
                if (c.ttl() != null) {
                    f = ctx.report(c.spans().at("ttl"), "ttl", c.qualifiedName(), Values.format(c.ttl()), max, scope)
                            .help("shorten `ttl` to at most " + max);
                } else if (c.expires() != null) {
                    f = ctx.report(c.spans().at("expires"), "expires", c.qualifiedName(), c.expires().written(),
                                    Lifetimes.describe(lifetime), max, scope)
                            .help("set `expires` no later than " + Values.rfc3339(ctx.now().plus(rule.max()))
                                    + ", or use a `ttl` of at most " + max);
                } else {
                    f = ctx.report(c.spans().name(), "identity", c.qualifiedName(), i.expires().written(),
                                    Lifetimes.describe(lifetime), max, scope)
                            .help("add `ttl` of at most " + max + " to `" + c.name() + "`");
                }
                f.subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
