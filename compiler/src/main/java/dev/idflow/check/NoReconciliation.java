package dev.idflow.check;

import dev.idflow.model.Delegation;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF701: a delegation has no {@code reconcile every ... by ...}. */
final class NoReconciliation implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF701", "Delegation without reconciliation", Severity.ERROR,
            "NHI1", "GV.RR-02",
            "A delegation has no `reconcile every ... by ...`.",
            "A team that may create identities on its own creates them outside the policy. Only a regular "
                    + "reconciliation, by a system that can list what exists, brings them back under an owner and "
                    + "a revoker; without it they are orphaned the day they are made. Add `reconcile every "
                    + "DURATION by SYSTEM`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Delegation d : policy.delegations().values()) {
            if (d.spans().has("reconcile")) {
                continue;
            }
            String systems = String.join(", ", d.systems().stream().map(s -> "`" + s.value() + "`").toList());
            String auditors = Systems.thatCan(policy, dev.idflow.model.Capability.AUDIT);
            ctx.report(d.spans().name(), "message", d.name(), systems.isEmpty() ? "its systems" : systems)
                    .help("add `reconcile every 24h by SYSTEM` naming a system that can audit (" + auditors + ")")
                    .subject("delegation " + d.name());
        }
    }
}
