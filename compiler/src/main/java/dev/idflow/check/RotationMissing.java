package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.ExpiryRule;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;

/**
 * IDF303: the expiry rule requires rotation and {@code rotate} is missing or longer. A
 * {@code ttl} no longer than the required interval counts as rotation (CHECKS.md).
 */
final class RotationMissing implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF303", "Rotation missing or too slow", Severity.ERROR, "NHI7",
            "PR.AA-01",
            "The expiry rule requires rotation and `rotate` is missing or longer.",
            "An expiry rule with `rotate` asks that the value of every credential of its types is replaced at "
                    + "least that often. A credential whose `ttl` is no longer than the interval is re-issued "
                    + "often enough and counts as rotated. Otherwise declare `rotate` with at most the required "
                    + "interval (and make sure the issuer can rotate).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                ExpiryRule rule = Lifetimes.rule(policy, c, i);
                if (rule == null || rule.rotate() == null) {
                    continue;
                }
                boolean reissued = c.ttl() != null && c.ttl().compareTo(rule.rotate()) <= 0;
                boolean rotated = c.rotate() != null && c.rotate().compareTo(rule.rotate()) <= 0;
                if (reissued || rotated || (c.rotate() == null && c.spans().has("rotate"))) {
                    continue;
                }
                String required = Values.format(rule.rotate());
                String scope = Lifetimes.scope(rule, c);
                Finding f = c.rotate() == null
                        ? ctx.report(c.spans().name(), "missing", c.qualifiedName(), required, scope)
                        : ctx.report(c.spans().at("rotate"), "longer", c.qualifiedName(), Values.format(c.rotate()),
                                required, scope);
                f.help((c.rotate() == null ? "add `rotate " : "shorten `rotate` to at most `rotate ") + required
                                + "`, or a `ttl` of at most " + required)
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
