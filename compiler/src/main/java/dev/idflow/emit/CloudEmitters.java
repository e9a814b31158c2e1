package dev.idflow.emit;

import java.util.List;

/** The emitters of the cloud and secret-store targets {@code aws}, {@code gcp} and {@code vault}. */
public final class CloudEmitters {

    private static final List<String> CLOUD = List.of("aws", "gcp", "vault");

    private CloudEmitters() {
    }

    /** One emitter per target, in target order. */
    public static List<Emitter> all() {
        return Emitters.all().stream().filter(e -> CLOUD.contains(e.target())).toList();
    }
}
