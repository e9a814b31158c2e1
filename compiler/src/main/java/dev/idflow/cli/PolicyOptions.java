package dev.idflow.cli;

import dev.idflow.config.ConfigException;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.GitSource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of the commands that read one policy ({@code check}, {@code compile}): PATH,
 * {@code --now}, {@code --config}, and {@code --git REPO --ref REV}, with which the policy
 * comes from that revision of a Git repository, PATH being a folder inside it, and so does
 * its configuration unless {@code --config} names a file.
 */
final class PolicyOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The policy folder (default: from the configuration, else the current folder).")
    Path path;

    @Option(names = "--now", paramLabel = "T",
            description = "\"Now\": an RFC 3339 timestamp, `commit` or `wall` (default: commit in Git, else wall).")
    String now;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: idflow.yaml next to or in the policy folder).")
    Path config;

    @Option(names = "--git", paramLabel = "REPO",
            description = "Read the policy from this Git repository (a working tree or a bare repository).")
    Path repository;

    @Option(names = "--ref", paramLabel = "REV",
            description = "The revision to read with --git: branch, tag, commit id, HEAD~1, origin/main.")
    String ref;

    /** The settings of the run and the source of its policy. */
    record Resolved(RunSettings run, PolicySource source) {
    }

    /**
     * Finds the policy and its configuration: a folder (PATH, else the configuration's
     * {@code policy}, else the current folder) or a Git revision.
     */
    Resolved resolve(String failOn) {
        RunSettings.Options options = new RunSettings.Options(config, path, now, failOn);
        try {
            if (repository == null) {
                if (ref != null) {
                    throw new UserError("--ref needs --git REPO");
                }
                RunSettings run = RunSettings.resolve(options);
                return new Resolved(run, new DirectorySource(run.policyFolder()));
            }
            Path path = options.policyFolder();
            GitSource source = GitSource.open(repository, ref == null ? "HEAD" : ref,
                    path == null ? "" : path.toString().replace('\\', '/'));
            return new Resolved(RunSettings.resolve(options, source), source);
        } catch (ConfigException | SourceException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
