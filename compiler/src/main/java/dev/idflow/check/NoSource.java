package dev.idflow.check;

import dev.idflow.flow.Flow;
import dev.idflow.model.Capability;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** IDF101: an identity has no authoritative source for a lifecycle event (once per identity). */
final class NoSource implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF101", "No authoritative source", Severity.ERROR, "NHI1",
            "GV.RR-02",
            "An identity has no source for a lifecycle event.",
            "Every lifecycle event (create, update, suspend, delete) of every identity must be decided by one "
                    + "authoritative system, the place where the record of the decision lives. Without it nobody "
                    + "knows who may start that event, and an identity can never be suspended or offboarded on "
                    + "record. Add a top-level `source EVENT from SYSTEM` for every identity, or one inside the "
                    + "identity that lacks it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            List<String> missing = new ArrayList<>();
            for (Flow f : ctx.flows().of(i.name()).values()) {
                if (f.source() == null) {
                    missing.add(f.event().word());
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String events = String.join(", ", missing);
            ctx.report(i.spans().name(), "message", i.name(), events)
                    .help("add `source " + events + " from SYSTEM` at top level or in `" + i.name()
                            + "`, naming a system that can approve (" + Systems.thatCan(policy, Capability.APPROVE)
                            + ")")
                    .subject("identity " + i.name())
                    .in(i.name());
        }
    }
}
