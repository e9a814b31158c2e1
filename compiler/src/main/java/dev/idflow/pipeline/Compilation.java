package dev.idflow.pipeline;

import dev.idflow.emit.GeneratedFile;
import java.util.List;

/**
 * The result of {@link Compiler#compile}: the analysis, and the files written (manifest
 * last), or none when an error finding refused the compilation.
 */
public record Compilation(Analysis analysis, List<GeneratedFile> files, boolean refused) {

    public Compilation {
        files = List.copyOf(files);
    }
}
