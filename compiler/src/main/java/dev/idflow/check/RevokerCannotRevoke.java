package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF202: the declared revoker cannot revoke. */
final class RevokerCannotRevoke implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF202", "Revoker cannot revoke", Severity.ERROR, "NHI1",
            "PR.AA-01",
            "The declared revoker of a credential cannot revoke.",
            "A `revoker` is a promise that a system will invalidate the credential by API when the identity "
                    + "is offboarded. A revoker without the `revoke` capability records a decision it cannot "
                    + "enforce. Name a revoker that can revoke, or, while a manual runbook covers the gap, "
                    + "waive the finding with a reason and an end date.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                if (!c.revokerDeclared() || Systems.can(policy, c.revoker(), Capability.REVOKE)) {
                    continue;
                }
                ctx.report(c.spans().at("revoker"), "message", c.qualifiedName(), c.revoker(),
                                Systems.thatCan(policy, Capability.REVOKE))
                        .help("add `can revoke` to `" + c.revoker() + "`, name another revoker, or waive with an "
                                + "end date")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
