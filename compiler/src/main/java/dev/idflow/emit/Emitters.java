package dev.idflow.emit;

import dev.idflow.emit.aws.AwsEmitter;
import dev.idflow.emit.gcp.GcpEmitter;
import dev.idflow.emit.opa.OpaEmitter;
import dev.idflow.emit.plan.PlanEmitter;
import dev.idflow.emit.vault.VaultEmitter;
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

    /** Every target name, in registry order. */
    public static List<String> targets() {
        return List.copyOf(BY_TARGET.keySet());
    }
}
