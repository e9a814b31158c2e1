package dev.idflow.check;

import dev.idflow.flow.ExceptionFlow;
import dev.idflow.flow.Flow;
import dev.idflow.flow.Step;
import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Delegation;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IDF802: a system is in {@code mode monitor}; the note says what it still lacks to be
 * orchestrated: each capability that its part in the policy needs and it does not have (the
 * flow steps that fall to it, {@code expire} for the lifetimes and {@code rotate} for the
 * rotations of what it issues, {@code approve} as a source, {@code audit} as a reconciler,
 * {@code revoke} as a delegated system), and then {@code mode enforce}.
 */
final class MonitoredSystem implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF802", "System in monitor mode", Severity.INFO, "", "",
            "A system is in `mode monitor`: the note says what it still lacks to be orchestrated.",
            "`mode monitor` adopts a system in phases: idflow knows it, lowers the findings about what it "
                    + "issues and the steps it must carry out to warnings, and emits no target files for it. "
                    + "This note keeps the gap visible: the capabilities its part in the policy needs and it "
                    + "lacks, and then the switch to `mode enforce`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ManagedSystem s : policy.systems().values()) {
            if (!s.monitored()) {
                continue;
            }
            Map<Capability, Map<String, Set<String>>> needs = needs(policy, ctx, s);
            needs.keySet().removeIf(s::can);
            if (needs.isEmpty()) {
                ctx.report(s.spans().name(), "ready", s.name())
                        .help("remove `mode monitor` once idflow should drive `" + s.name() + "`")
                        .subject("system " + s.name());
                continue;
            }
            List<String> caps = needs.keySet().stream().map(Capability::word).toList();
            ctx.report(s.spans().name(), "lacks", s.name(), describe(needs))
                    .help("add `can " + String.join(", ", caps) + "` if `" + s.name()
                            + "` can do it by API, then remove `mode monitor`")
                    .subject("system " + s.name());
        }
    }

    /** Per capability the system's part needs: per thing (a credential, a delegation), what for. */
    private static Map<Capability, Map<String, Set<String>>> needs(Policy policy, CheckContext ctx, ManagedSystem s) {
        Map<Capability, Map<String, Set<String>>> needs = new EnumMap<>(Capability.class);
        for (Flow f : ctx.flows().all()) {
            for (Step st : f.steps()) {
                if (s.name().equals(st.system())) {
                    need(needs, st.capability(), "`" + st.credential() + "`", f.event().word());
                }
            }
        }
        for (String name : policy.exceptions().keySet()) {
            ExceptionFlow e = ctx.flows().exception(name);
            List<Step> steps = new ArrayList<>(e == null ? List.of() : e.attach());
            steps.addAll(e == null ? List.of() : e.detach());
            for (Step st : steps) {
                if (s.name().equals(st.system())) {
                    need(needs, st.capability(), "exception `" + name + "`", "the window");
                }
            }
        }
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                if (!s.name().equals(c.issuer())) {
                    continue;
                }
                if (c.ttl() != null || c.expires() != null) {
                    need(needs, Capability.EXPIRE, "`" + c.qualifiedName() + "`", "the lifetime");
                }
                if (c.rotate() != null) {
                    need(needs, Capability.ROTATE, "`" + c.qualifiedName() + "`", "the rotation");
                }
            }
            i.sources().values().stream().filter(src -> s.name().equals(src.system()))
                    .forEach(src -> need(needs, Capability.APPROVE, "`" + i.name() + "`", src.event().word()));
        }
        for (Delegation d : policy.delegations().values()) {
            if (s.name().equals(d.reconcileBy())) {
                need(needs, Capability.AUDIT, "delegation `" + d.name() + "`", "reconciling");
            }
            for (Located sys : d.systems()) {
                if (s.name().equals(sys.value())) {
                    need(needs, Capability.REVOKE, "delegation `" + d.name() + "`", "what it creates");
                }
            }
        }
        return needs;
    }

    private static void need(Map<Capability, Map<String, Set<String>>> needs, Capability c, String thing,
            String what) {
        needs.computeIfAbsent(c, k -> new LinkedHashMap<>()).computeIfAbsent(thing, k -> new LinkedHashSet<>())
                .add(what);
    }

    /** {@code `revoke` (suspend and delete of `a.b`), `expire` (the lifetime of `a.b`)}. */
    private static String describe(Map<Capability, Map<String, Set<String>>> needs) {
        List<String> parts = new ArrayList<>();
        needs.forEach((cap, things) -> {
            List<String> why = new ArrayList<>();
            things.forEach((thing, what) -> why.add(and(new ArrayList<>(what)) + " of " + thing));
            parts.add("`" + cap.word() + "` (" + String.join("; ", why) + ")");
        });
        return and(parts);
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
