package dev.idflow.source;

import dev.idflow.model.SourceFile;
import java.util.List;

/**
 * Where the {@code *.idflow} files of a policy come from: a folder, or a tree of a Git
 * revision. Every file has a stable logical name, its path relative to the policy root,
 * used in every span.
 */
public interface PolicySource {

    /** Every {@code *.idflow} file under the policy root, recursively, sorted by path. */
    List<SourceFile> files() throws SourceException;

    /**
     * How a logical path is shown to the user: the prefix that makes it a path relative to
     * the current folder (or, for Git, to the repository root). Ends with {@code /} or is empty.
     */
    String displayPrefix();

    /** Where the files come from. */
    Provenance provenance();
}
