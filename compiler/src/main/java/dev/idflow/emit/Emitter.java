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

    /**
     * The schema ({@code schemas/NAME.schema.json}) that the JSON file {@code path} of this
     * target must satisfy, or null when the file is not JSON. The pipeline validates every
     * file ending in {@code .json} or named {@code .manifest} before anything is written, and
     * refuses (as an internal error) one without a schema.
     */
    default String schema(String path) {
        return null;
    }
}
