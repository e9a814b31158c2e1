package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Event;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.Source;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF102: a source system cannot approve. Reported once per {@code source} declaration, at
 * it: a top-level one once for the whole policy, not once per identity that inherits it.
 */
final class SourceCannotApprove implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF102", "Source cannot approve", Severity.ERROR, "NHI1",
            "GV.RR-02",
            "A source system cannot `approve`.",
            "An authoritative source holds the record of a lifecycle decision: the ticket that created an "
                    + "identity, the leaver request that deletes it. A system without the `approve` capability "
                    + "keeps no such record, so the lifecycle has no auditable origin. Name a system that can "
                    + "approve (an ITSM, an IdP that keeps the decision), or add `can approve` if it really does.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        report(policy, ctx, byDeclaration(policy.sources(), false), null);
        for (Identity i : policy.identities().values()) {
            report(policy, ctx, byDeclaration(i.sources(), true), i.name());
        }
    }

    /** The sources declared at one level, grouped by the declaration that wrote them, events in order. */
    private static Map<SourceSpan, List<Source>> byDeclaration(Map<Event, Source> sources, boolean ownOnly) {
        Map<SourceSpan, List<Source>> out = new LinkedHashMap<>();
        for (Event e : Event.values()) {
            Source s = sources.get(e);
            if (s != null && !(ownOnly && s.inherited())) {
                out.computeIfAbsent(s.span(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    private static void report(Policy policy, CheckContext ctx, Map<SourceSpan, List<Source>> declarations,
            String identity) {
        for (Map.Entry<SourceSpan, List<Source>> d : declarations.entrySet()) {
            String system = d.getValue().get(0).system();
            if (Systems.can(policy, system, Capability.APPROVE)) {
                continue;
            }
            String events = String.join(", ", d.getValue().stream().map(s -> s.event().word()).toList());
            String where = identity == null ? "every identity" : "identity `" + identity + "`";
            Finding f = ctx.report(d.getKey(), "message", events, where, system,
                            Systems.thatCan(policy, Capability.APPROVE))
                    .help("name a source that can approve, or add `can approve` to `" + system + "` if it holds "
                            + "the record of these decisions")
                    .subject((identity == null ? "" : "identity " + identity + " ") + "source " + events + " from "
                            + system);
            if (identity != null) {
                f.in(identity);
            }
        }
    }
}
