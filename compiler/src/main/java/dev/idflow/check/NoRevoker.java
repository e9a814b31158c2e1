package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF201: a credential that nothing can revoke: no revoker declared and the issuer cannot revoke. */
final class NoRevoker implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF201", "No revoker", Severity.ERROR, "NHI1", "PR.AA-01",
            "A credential has no revoker: none is declared and its issuer cannot revoke.",
            "Offboarding means revoking every credential of an identity. When the issuer cannot revoke by "
                    + "API and no other system is named as `revoker`, the credential outlives the decision to "
                    + "remove it: the flow can grant but not take away. Declare a `revoker` that can revoke, "
                    + "or give the issuer `can revoke` if it really can.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                if (c.revokerDeclared() || Systems.can(policy, c.issuer(), Capability.REVOKE)) {
                    continue;
                }
                ctx.report(c.spans().name(), "message", c.qualifiedName(), c.issuer())
                        .help("add `revoker SYSTEM` naming a system that can revoke ("
                                + Systems.thatCan(policy, Capability.REVOKE) + "), or `can revoke` to `"
                                + c.issuer() + "`")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
