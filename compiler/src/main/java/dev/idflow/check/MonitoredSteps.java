package dev.idflow.check;

import dev.idflow.flow.Flow;
import dev.idflow.flow.Step;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF208: flow steps fall to systems in {@code mode monitor}, which idflow does not drive
 * yet. Read from the derived flows; once per credential, naming every event and step.
 */
final class MonitoredSteps implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF208", "Step falls to a monitored system", Severity.WARNING,
            "NHI1", "ID.AM-08",
            "A flow step falls to a system in `mode monitor` (not yet orchestrated).",
            "A system in `mode monitor` is known but not yet orchestrated: idflow emits nothing for it, so "
                    + "every lifecycle step it must carry out (issue, store, suspend, revoke, purge) is still "
                    + "done by hand. This warning lists those steps per credential, as the to-do list for "
                    + "adopting the system; switch it to `mode enforce` once it is driven by idflow.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            Map<String, List<String>> byCredential = new LinkedHashMap<>();
            for (Flow flow : ctx.flows().of(i.name()).values()) {
                for (Step step : flow.steps()) {
                    if (step.monitored()) {
                        byCredential.computeIfAbsent(step.credential(), k -> new ArrayList<>())
                                .add(flow.event().word() + ": " + step.action().word() + " at `" + step.system()
                                        + "`");
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : byCredential.entrySet()) {
                Credential c = Systems.credential(policy, e.getKey());
                ctx.report(c.spans().name(), "message", c.qualifiedName(), String.join("; ", e.getValue()))
                        .help("carry out these steps by hand until the systems are switched to `mode enforce`")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(true);
            }
        }
    }
}
