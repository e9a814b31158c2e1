package dev.idflow.emit;

import dev.idflow.emit.aws.AwsEmitter;
import dev.idflow.emit.gcp.GcpEmitter;
import dev.idflow.emit.opa.OpaEmitter;
import dev.idflow.emit.plan.PlanEmitter;
import dev.idflow.emit.vault.VaultEmitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of targets, in the order of {@code --target}'s help. Adding a target is one
 * line here (and its schemas in {@code schemas/}).
 */
public final class Emitters {

    private static final List<Emitter> ALL = List.of(
            new OpaEmitter(),
            new AwsEmitter(),
            new GcpEmitter(),
            new VaultEmitter(),
            new PlanEmitter());

    private static final Map<String, Emitter> BY_TARGET = index();

    /**
     * The order in which compile starts the targets on its threads: the longest first, so that
     * the short ones fill in at the end and the threads end together (10,000 identities, one
     * thread each: opa 2.1 s, aws 0.9, plan 0.7, vault 0.6, gcp 0.15; the plan first, since it
     * runs while the checks share the cores). A target not named here starts last.
     */
    private static final List<String> LONGEST_FIRST = List.of("opa", "plan", "aws", "vault", "gcp");

    private Emitters() {
    }

    private static Map<String, Emitter> index() {
        Map<String, Emitter> m = new LinkedHashMap<>();
        for (Emitter e : ALL) {
            if (m.put(e.target(), e) != null) {
                throw new IllegalStateException("two emitters for target " + e.target());
            }
        }
        return m;
    }

    /** Every target, in registry order. */
    public static List<Emitter> all() {
        return ALL;
    }

    /** The emitter of {@code target}, or null when there is none. */
    public static Emitter get(String target) {
        return BY_TARGET.get(target);
    }

    /** {@code emitters} in the order to start them: see {@link #LONGEST_FIRST}. */
    public static List<Emitter> longestFirst(List<Emitter> emitters) {
        List<Emitter> sorted = new ArrayList<>(emitters);
        sorted.sort(Comparator.comparingInt(e -> {
            int i = LONGEST_FIRST.indexOf(e.target());
            return i < 0 ? LONGEST_FIRST.size() : i;
        }));
        return sorted;
    }

    /** Every target name, in registry order. */
    public static List<String> targets() {
        return List.copyOf(BY_TARGET.keySet());
    }
}
