package dev.idflow.cli;

import dev.idflow.config.Config;
import dev.idflow.config.ConfigException;
import dev.idflow.pipeline.Diff;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.pipeline.DiffResult;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Gate;
import dev.idflow.pipeline.Now;
import dev.idflow.pipeline.Version;
import dev.idflow.report.DiffReport;
import dev.idflow.report.Format;
import dev.idflow.source.GitSource;
import dev.idflow.source.SourceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code idflow diff}: the pull-request check, what a change does to access and to revocation. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare the policy at two Git revisions: new and fixed findings and the change by identity.")
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The policy folder inside the repository (default: the repository root).")
    String path;

    @Option(names = "--base", required = true, paramLabel = "REV", description = "The base revision, e.g. origin/main.")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "The head revision (default: HEAD).")
    String head = "HEAD";

    @Option(names = "--repo", paramLabel = "REPO", description = "The Git repository (default: the current folder).")
    Path repo = Path.of(".");

    @Option(names = "--now", paramLabel = "T",
            description = "\"Now\" for both revisions: an RFC 3339 timestamp, `commit` (the head's, default) or `wall`.")
    String now;

    @Option(names = "--gate", paramLabel = "new|all",
            description = "Fail on new findings only (new, default) or on every finding at head (all).")
    String gate = "new";

    @Option(names = "--show-unchanged", description = "Also list the findings present at both revisions.")
    boolean showUnchanged;

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Format> formats = reports.formats();
        Gate g = Gate.parse(gate);
        if (g == null) {
            throw new UserError("invalid --gate `" + gate + "`: expected new or all");
        }
        DiffResult result;
        FailLevel level;
        try {
            GitSource baseSource = GitSource.open(repo, base, path);
            GitSource headSource = GitSource.open(repo, head, path);
            // Both revisions are judged with the head's configuration, except that each code's
            // severity is the stricter of the two: a pull request cannot loosen its own gate.
            Config baseConfig = RunSettings.atRevision(baseSource);
            Config headConfig = RunSettings.atRevision(headSource);
            Now nowSpec = Now.parse(now != null ? now : headConfig.now());
            level = FailLevel.parse(reports.failOn != null ? reports.failOn
                    : headConfig.failOn() != null ? headConfig.failOn() : "error");
            if (level == null) {
                throw new UserError("invalid --fail-on `" + reports.failOn + "`: expected error, warning or never");
            }
            Diff.Severities severities = new Diff.Severities(baseConfig.severities(), headConfig.severities());
            try (Progress p = Progress.show("comparing " + base + " and " + head)) {
                result = Diff.run(baseSource, headSource, nowSpec, severities, Clock.systemUTC());
            }
        } catch (SourceException | ConfigException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        DiffReport report = new DiffReport(result, level, g, showUnchanged, Version.get());
        reports.write(formats, spec.commandLine().getOut(), report::render);
        return result.fails(level, g) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
