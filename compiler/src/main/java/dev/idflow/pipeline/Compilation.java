package dev.idflow.pipeline;

import dev.idflow.emit.GeneratedFile;
import java.util.Comparator;
import java.util.List;

/**
 * The result of a compilation: the analysis; every output file by path and sha256, manifest
 * last (empty when an error finding refused the compilation); and, when the files were kept
 * in memory ({@link Compiler#emit}) rather than written ({@link Compiler#compile}), the files
 * themselves in the same order.
 */
public record Compilation(Analysis analysis, List<Output> outputs, List<GeneratedFile> files, boolean refused) {

    public Compilation {
        outputs = List.copyOf(outputs);
        files = List.copyOf(files);
    }

    /** One file (an output, or an input) as {@code manifest.json} lists it: its path and sha256. */
    public record Output(String path, String sha256) {
        /** The order of {@code manifest.json}'s lists: by path. */
        static final Comparator<Output> BY_PATH = Comparator.comparing(Output::path);
    }

    /** The sha256 of the {@code manifest.json} of this compilation; null when it was refused. */
    public String manifestSha256() {
        return outputs.isEmpty() ? null : outputs.get(outputs.size() - 1).sha256();
    }
}
