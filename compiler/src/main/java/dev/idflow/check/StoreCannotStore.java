package dev.idflow.check;

import dev.idflow.flow.Step;
import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/**
 * IDF205: {@code stored-in} names a system that cannot store: the store step of the create
 * flow cannot be carried out. Read from the derived create flow, at the {@code stored-in} name.
 */
final class StoreCannotStore implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF205", "Store cannot store", Severity.ERROR, "NHI2", "PR.DS-01",
            "`stored-in` names a system that cannot `store`.",
            "`stored-in` records where copies of a credential are kept, so that offboarding can purge them. "
                    + "Naming a system that cannot keep copies means the copy is really somewhere else, or the "
                    + "system was declared without its secret store. Name the system that keeps the copy, or "
                    + "add `can store` to it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Step step : ctx.flows().flow(i.name(), Event.CREATE).steps()) {
                if (step.action() != Step.Action.STORE || step.can()) {
                    continue;
                }
                Credential c = Systems.credential(policy, step.credential());
                Located where = Systems.storedIn(c, step.system());
                ctx.report(where.span(), "message", c.qualifiedName(), step.system(),
                                Systems.thatCan(policy, Capability.STORE))
                        .help("add `can store` to `" + step.system() + "`, or name the system that keeps the copy")
                        .subject("credential " + c.qualifiedName() + " stored-in " + step.system())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c) || step.monitored());
            }
        }
    }
}
