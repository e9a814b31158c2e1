package dev.idflow.check;

import dev.idflow.flow.Flow;
import dev.idflow.flow.Step;
import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF104: a create or update step falls to an issuer that cannot provision, so issuing is
 * manual. Read from the derived create and update flows, once per credential naming both.
 */
final class ManualIssuing implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF104", "Issuing is manual", Severity.WARNING, "NHI1", "PR.AA-01",
            "A create or update step falls to an issuer that cannot `provision` (issuing is manual).",
            "Creating an identity issues its credentials at each issuer, and updating it re-issues them. An "
                    + "issuer without `provision` cannot do that by API, so a person does it by hand, out of "
                    + "reach of the policy and of its reconciliation. Add `can provision` to the issuer if it "
                    + "has an API for it, or issue the credential from a system that does.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            Map<String, List<String>> manual = new LinkedHashMap<>();
            for (Event e : List.of(Event.CREATE, Event.UPDATE)) {
                Flow flow = ctx.flows().flow(i.name(), e);
                for (Step step : flow.steps()) {
                    if (step.capability() == Capability.PROVISION && !step.can()) {
                        manual.computeIfAbsent(step.credential(), k -> new ArrayList<>()).add(e.word());
                    }
                }
            }
            for (Map.Entry<String, List<String>> m : manual.entrySet()) {
                Credential c = Systems.credential(policy, m.getKey());
                ctx.report(c.spans().at("issuer"), "message", c.qualifiedName(), c.issuer(),
                                String.join(" and ", m.getValue()))
                        .help("add `can provision` to `" + c.issuer() + "` if it issues by API, or issue it from "
                                + "a system that can (" + Systems.thatCan(policy, Capability.PROVISION) + ")")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
