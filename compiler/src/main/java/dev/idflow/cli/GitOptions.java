package dev.idflow.cli;

import dev.idflow.source.DirectorySource;
import dev.idflow.source.GitSource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --git REPO --ref REV}, shared by the commands that read one policy: the policy comes
 * from that revision of a Git repository, PATH being a folder inside it.
 */
final class GitOptions {

    @Option(names = "--git", paramLabel = "REPO",
            description = "Read the policy from this Git repository (a working tree or a bare repository).")
    Path repository;

    @Option(names = "--ref", paramLabel = "REV",
            description = "The revision to read with --git: branch, tag, commit id, HEAD~1, origin/main.")
    String ref;

    /** The source of the policy at {@code path} (null: the default folder). */
    PolicySource source(Path path) {
        if (repository == null) {
            if (ref != null) {
                throw new UserError("--ref needs --git REPO");
            }
            return new DirectorySource(path == null ? Path.of(".") : path);
        }
        try {
            return GitSource.open(repository, ref == null ? "HEAD" : ref, path == null ? "" : path.toString());
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }
}
