package dev.idflow.emit;

import java.io.OutputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A pure function from the policy to the files of one target ({@code opa}, {@code aws},
 * {@code gcp}, {@code vault}, {@code plan}). Emitters never touch the disk; one writer does.
 */
public interface Emitter {

    /** The target name used by {@code --target}. */
    String target();

    /**
     * Puts each file of this target into {@code out} as soon as it is made, in a deterministic
     * order.
     *
     * @throws OutputException when {@code out} cannot write a file
     */
    void emit(EmitInput input, FileSink out) throws OutputException;

    /**
     * The files of this target, in the order {@link #emit(EmitInput, FileSink)} puts them, held
     * in memory (for tests and small policies); nothing is validated here.
     */
    default List<GeneratedFile> emit(EmitInput input) {
        MemoryFiles files = new MemoryFiles();
        try {
            emit(input, new FileSink() {
                @Override
                public void put(GeneratedFile file) {
                    files.write(file);
                }

                @Override
                public OutputStream open(String path) {
                    return files.open(path);
                }

                @Override
                public Readback reread(String path) {
                    return files.reread(path);
                }

                @Override
                public void checkSkeleton(String path, JsonNode skeleton) {
                    // memory only: the pipeline validates
                }

                @Override
                public void checkEntry(String path, String map, String key, JsonNode value) {
                    // memory only: the pipeline validates
                }
            });
        } catch (OutputException e) {
            throw new IllegalStateException("a list is not an output folder", e);
        }
        return files.list();
    }

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
