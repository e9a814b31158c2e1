package dev.idflow.cli;

import dev.idflow.check.CheckSettings;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Now;
import dev.idflow.pipeline.Version;
import dev.idflow.report.JsonReport;
import dev.idflow.report.TextReport;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.io.PrintWriter;
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

    @Option(names = "--format", split = ",", paramLabel = "F",
            description = "Output formats: text (default), json.")
    List<String> formats = List.of("text");

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error (default), warning or never.")
    String failOn = "error";

    @Mixin
    GitOptions git = new GitOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FailLevel level = FailLevel.parse(failOn);
        if (level == null) {
            throw new UserError("invalid --fail-on `" + failOn + "`: expected error, warning or never");
        }
        for (String f : formats) {
            if (!List.of("text", "json").contains(f)) {
                throw new UserError("unknown --format `" + f + "`: expected text or json");
            }
        }
        Now nowSpec;
        try {
            nowSpec = Now.parse(now);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PolicySource source = git.source(path);
        Analysis analysis;
        try {
            CheckSettings settings = CheckSettings.at(nowSpec.resolve(source.provenance(), Clock.systemUTC()));
            analysis = Analyzer.analyze(source, settings);
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String f : formats) {
            if (f.equals("json")) {
                out.print(new JsonReport(Version.get()).render(analysis, level));
            } else {
                out.print(new TextReport(Terminal.colour()).render(analysis));
            }
        }
        out.flush();
        return analysis.fails(level) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
