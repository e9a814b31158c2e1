package dev.idflow.check;

import dev.idflow.flow.Step;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/**
 * IDF204: a system that stores a copy cannot revoke it: the purge step of the delete flow
 * cannot be carried out. Read from the derived delete flow, at the {@code stored-in} name.
 */
final class CopyNotPurged implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF204", "Stored copy cannot be purged", Severity.ERROR, "NHI2",
            "PR.AA-01",
            "A system that stores a copy cannot `revoke` it, so offboarding cannot purge the copy.",
            "Offboarding revokes each credential at its revoker and then purges every copy kept elsewhere: a "
                    + "CI secret store, a Kubernetes secret. A store that cannot delete its copy by API keeps a "
                    + "usable secret after the identity is gone. Give the store `can revoke`, or stop copying "
                    + "the credential there.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Step step : ctx.flows().flow(i.name(), Event.DELETE).steps()) {
                if (step.action() != Step.Action.PURGE || step.can()) {
                    continue;
                }
                Credential c = Systems.credential(policy, step.credential());
                Located where = Systems.storedIn(c, step.system());
                ctx.report(where.span(), "message", c.qualifiedName(), step.system())
                        .help("add `can revoke` to `" + step.system() + "` if it can delete the copy, or remove it "
                                + "from `stored-in`")
                        .subject("credential " + c.qualifiedName() + " stored-in " + step.system())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c) || step.monitored());
            }
        }
    }
}
