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
import dev.idflow.model.Source;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
        Map<String, Needs> needs = new HashMap<>();
        for (ManagedSystem s : policy.systems().values()) {
            if (s.monitored()) {
                needs.put(s.name(), new Needs());
            }
        }
        if (needs.isEmpty()) {
            return;
        }
        collect(policy, ctx, needs);
        for (ManagedSystem s : policy.systems().values()) {
            if (!s.monitored()) {
                continue;
            }
            Map<Capability, Map<String, Set<String>>> lacks = needs.get(s.name()).byCapability;
            lacks.keySet().removeIf(s::can);
            if (lacks.isEmpty()) {
                ctx.report(s.spans().name(), "ready", s.name())
                        .help("remove `mode monitor` once idflow should drive `" + s.name() + "`")
                        .subject("system " + s.name());
                continue;
            }
            List<String> caps = lacks.keySet().stream().map(Capability::word).toList();
            ctx.report(s.spans().name(), "lacks", s.name(), describe(lacks))
                    .help("add `can " + String.join(", ", caps) + "` if `" + s.name()
                            + "` can do it by API, then remove `mode monitor`")
                    .subject("system " + s.name());
        }
    }

    /** What the part of one system needs: per capability, per thing (a credential, a delegation), what for. */
    private static final class Needs {
        final Map<Capability, Map<String, Set<String>>> byCapability = new EnumMap<>(Capability.class);

        void add(Capability c, String thing, String what) {
            byCapability.computeIfAbsent(c, k -> new LinkedHashMap<>())
                    .computeIfAbsent(thing, k -> new LinkedHashSet<>()).add(what);
        }
    }

    /**
     * Adds to {@code needs} (one entry per monitored system) what each system's part needs, in
     * one pass over the flows and the policy for all of them: a large policy has 200,000 steps.
     */
    private static void collect(Policy policy, CheckContext ctx, Map<String, Needs> needs) {
        for (Flow f : ctx.flows().all()) {
            for (Step st : f.steps()) {
                Needs n = of(needs, st.system());
                if (n != null) {
                    n.add(st.capability(), "`" + st.credential() + "`", f.event().word());
                }
            }
        }
        for (String name : policy.exceptions().keySet()) {
            ExceptionFlow e = ctx.flows().exception(name);
            List<Step> steps = new ArrayList<>(e == null ? List.of() : e.attach());
            steps.addAll(e == null ? List.of() : e.detach());
            for (Step st : steps) {
                Needs n = of(needs, st.system());
                if (n != null) {
                    n.add(st.capability(), "exception `" + name + "`", "the window");
                }
            }
        }
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                Needs n = of(needs, c.issuer());
                if (n == null) {
                    continue;
                }
                if (c.ttl() != null || c.expires() != null) {
                    n.add(Capability.EXPIRE, "`" + c.qualifiedName() + "`", "the lifetime");
                }
                if (c.rotate() != null) {
                    n.add(Capability.ROTATE, "`" + c.qualifiedName() + "`", "the rotation");
                }
            }
            for (Source src : i.sources().values()) {
                Needs n = of(needs, src.system());
                if (n != null) {
                    n.add(Capability.APPROVE, "`" + i.name() + "`", src.event().word());
                }
            }
        }
        for (Delegation d : policy.delegations().values()) {
            Needs n = of(needs, d.reconcileBy());
            if (n != null) {
                n.add(Capability.AUDIT, "delegation `" + d.name() + "`", "reconciling");
            }
            for (Located sys : d.systems()) {
                Needs s = of(needs, sys.value());
                if (s != null) {
                    s.add(Capability.REVOKE, "delegation `" + d.name() + "`", "what it creates");
                }
            }
        }
    }

    /** The needs of {@code system} if it is a monitored one, else null. */
    private static Needs of(Map<String, Needs> needs, String system) {
        return system == null ? null : needs.get(system);
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
