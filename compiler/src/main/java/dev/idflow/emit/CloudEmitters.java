package dev.idflow.emit;

import dev.idflow.emit.aws.AwsEmitter;
import dev.idflow.emit.gcp.GcpEmitter;
import dev.idflow.emit.vault.VaultEmitter;
import java.util.List;

/** The emitters of the cloud and secret-store targets {@code aws}, {@code gcp} and {@code vault}. */
public final class CloudEmitters {

    private CloudEmitters() {
    }

    /** One emitter per target, in target order. */
    public static List<Emitter> all() {
        return List.of(new AwsEmitter(), new GcpEmitter(), new VaultEmitter());
    }
}
