package dev.idflow.check;

import dev.idflow.flow.Step;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/**
 * IDF103: the suspend flow has a step that cannot be carried out: the issuer can neither
 * suspend nor revoke. Read from the derived suspend flow, once per credential.
 */
final class SuspendImpossible implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF103", "Suspension cannot be carried out", Severity.WARNING,
            "NHI1", "PR.AA-01",
            "Suspend cannot be carried out: an issuer can neither `suspend` nor `revoke`.",
            "Suspending an identity disables its credentials without deleting it: at each issuer, `suspend`, "
                    + "or where the issuer cannot suspend, `revoke`. An issuer that can do neither leaves the "
                    + "credential working while the identity is meant to be suspended. Give the issuer "
                    + "`can suspend` or `can revoke` if it has such an API.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Step step : ctx.flows().flow(i.name(), Event.SUSPEND).steps()) {
                if (step.can()) {
                    continue;
                }
                Credential c = Systems.credential(policy, step.credential());
                ctx.report(c.spans().at("issuer"), "message", c.qualifiedName(), i.name(), step.system())
                        .help("add `can suspend` or `can revoke` to `" + step.system() + "` if it has that API")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(step.monitored());
            }
        }
    }
}
