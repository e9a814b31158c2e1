package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Delegation;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF703: a system in which a delegation may create identities cannot {@code revoke}. */
final class DelegatedCannotRevoke implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF703", "Delegated system cannot revoke", Severity.ERROR, "NHI1",
            "PR.AA-01",
            "A system in which a team may create identities on its own cannot `revoke`.",
            "Whatever a delegated team creates must be removable when reconciliation finds it orphaned or the "
                    + "team is offboarded. In a system that cannot revoke by API, those identities can be made but "
                    + "never taken away. Delegate only in systems that can revoke.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Delegation d : policy.delegations().values()) {
            for (Located s : d.systems()) {
                ManagedSystem system = policy.system(s.value());
                if (system == null || system.can(Capability.REVOKE)) {
                    continue;
                }
                ctx.report(s.span(), "message", d.name(), system.name())
                        .help("add `can revoke` to `" + system.name() + "` if it can remove identities by API, or "
                                + "do not delegate creation there")
                        .subject("delegation " + d.name() + " system " + system.name());
            }
        }
    }
}
