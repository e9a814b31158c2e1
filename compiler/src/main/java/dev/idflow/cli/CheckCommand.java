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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idflow check}: prove the lifecycle complete and report what is not. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a policy and report findings.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Format> formats = reports.formats();
        PolicyOptions.Resolved resolved = policy.resolve(reports.failOn);
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
