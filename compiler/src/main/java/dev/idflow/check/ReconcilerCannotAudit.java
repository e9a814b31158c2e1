package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Delegation;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF702: the system that reconciles a delegation cannot {@code audit}. */
final class ReconcilerCannotAudit implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF702", "Reconciler cannot audit", Severity.ERROR, "NHI1",
            "ID.AM-08",
            "The system that reconciles a delegation cannot `audit`.",
            "Reconciling means listing what exists and comparing it with the policy. A system without `audit` "
                    + "cannot list the identities a team created, so the reconciliation is a promise on paper. "
                    + "Reconcile by a system that can audit, usually the delegated system itself.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Delegation d : policy.delegations().values()) {
            if (d.reconcileBy() == null || Systems.can(policy, d.reconcileBy(), Capability.AUDIT)) {
                continue;
            }
            ctx.report(d.spans().at("reconcile"), "message", d.name(), d.reconcileBy(),
                            Systems.thatCan(policy, Capability.AUDIT))
                    .help("reconcile by a system that can audit, or add `can audit` to `" + d.reconcileBy()
                            + "` if it can list its identities by API")
                    .subject("delegation " + d.name());
        }
    }
}
