package dev.idflow.check;

import dev.idflow.model.Delegation;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import java.time.Duration;

/** IDF704: a delegation is reconciled less often than every 7 days. */
final class RareReconciliation implements Check {

    /** The longest interval between reconciliations that CHECKS.md accepts. */
    static final Duration MAX_INTERVAL = Duration.ofDays(7);

    static final RuleInfo INFO = new RuleInfo("IDF704", "Reconciled too rarely", Severity.WARNING, "NHI1",
            "ID.AM-08",
            "A delegation is reconciled less often than every 7 days.",
            "Between two reconciliations an identity created by a delegated team has no owner in the policy "
                    + "and no revocation flow. Reconcile at least weekly, so that an orphan lives days, not "
                    + "months.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Delegation d : policy.delegations().values()) {
            if (d.reconcileEvery() == null || d.reconcileEvery().compareTo(MAX_INTERVAL) <= 0) {
                continue;
            }
            ctx.report(d.spans().at("reconcile"), "message", d.name(), Values.format(d.reconcileEvery()),
                            Values.format(MAX_INTERVAL))
                    .help("reconcile `" + d.name() + "` every 7d or more often")
                    .subject("delegation " + d.name());
        }
    }
}
