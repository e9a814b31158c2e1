package dev.idflow.emit;

import java.util.List;

/**
 * A pure function from the policy to the files of one target ({@code opa}, {@code aws},
 * {@code gcp}, {@code vault}, {@code plan}). Emitters never touch the disk; one writer does.
 */
public interface Emitter {

    /** The target name used by {@code --target}. */
    String target();

    /** The files of this target, in a deterministic order. */
    List<GeneratedFile> emit(EmitInput input);
}
