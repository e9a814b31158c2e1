package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF305: {@code rotate} is declared but the issuer cannot rotate. */
final class IssuerCannotRotate implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF305", "Issuer cannot rotate", Severity.ERROR, "NHI7",
            "PR.AA-01",
            "`rotate` is declared but the issuer cannot `rotate`.",
            "`rotate` promises that the credential's value is replaced on a schedule. Only the issuer can do "
                    + "that; an issuer without `rotate` leaves the promise unkept. Add `can rotate` to the "
                    + "issuer if it rotates by API, or drop `rotate` and use a short `ttl` so that the value is "
                    + "re-issued instead.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                if (!c.spans().has("rotate") || Systems.can(policy, c.issuer(), Capability.ROTATE)) {
                    continue;
                }
                ctx.report(c.spans().at("rotate"), "message", c.qualifiedName(), c.issuer())
                        .help("add `can rotate` to `" + c.issuer() + "` if it rotates by API, or replace `rotate` "
                                + "by a `ttl` no longer than the interval")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
