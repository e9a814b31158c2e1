package dev.idflow.cli;

import dev.idflow.check.CheckSettings;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.Format;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idflow check}: prove the lifecycle complete and report what is not. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a policy and report findings.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The policy folder (default: from the configuration, else the current folder).")
    Path path;

    @Option(names = "--now", paramLabel = "T",
            description = "\"Now\": an RFC 3339 timestamp, `commit` or `wall` (default: commit in Git, else wall).")
    String now;

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: idflow.yaml next to or in the policy folder).")
    Path config;

    @Mixin
    GitOptions git = new GitOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Format> formats = reports.formats();
        GitOptions.Resolved resolved = git.resolve(new RunSettings.Options(config, path, now, reports.failOn));
        RunSettings run = resolved.run();
        FailLevel level = run.failOn();
        PolicySource source = resolved.source();
        Analysis analysis;
        try (Progress p = Progress.show("checking")) {
            CheckSettings settings = run.checkSettings(source.provenance(), Clock.systemUTC());
            analysis = Analyzer.analyze(source, settings);
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
        reports.write(formats, spec.commandLine().getOut(), f -> f.renderCheck(analysis, level, Terminal.colour()));
        return analysis.fails(level) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
