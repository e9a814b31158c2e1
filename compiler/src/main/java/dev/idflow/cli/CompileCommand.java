package dev.idflow.cli;

import dev.idflow.check.CheckSettings;
import dev.idflow.emit.OutputException;
import dev.idflow.pipeline.Compilation;
import dev.idflow.pipeline.Compiler;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.TextReport;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code idflow compile}: emit the enforcing configuration, all or nothing. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Check a policy and, when no error finding remains, replace OUT with the emitted targets.")
final class CompileCommand implements Callable<Integer> {

    /** The output folder when neither {@code -o} nor the configuration names one. */
    static final String DEFAULT_OUTPUT = "output";

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "The output folder, replaced as a whole (default: `output`).")
    Path output;

    @Option(names = "--target", split = ",", paramLabel = "T",
            description = "Targets to emit (default: from the configuration, else all): opa, aws, gcp, vault, plan.")
    List<String> targets;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PolicyOptions.Resolved resolved = policy.resolve(null);
        RunSettings run = resolved.run();
        List<String> chosen = run.targets(targets);
        try {
            Compiler.select(chosen);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PolicySource source = resolved.source();
        Path out = output != null ? output
                : run.config().outputFolder() != null ? run.config().outputFolder() : Path.of(DEFAULT_OUTPUT);
        Compilation c;
        // the report is rendered while the emitters finish, and printed once they have
        AtomicReference<String> report = new AtomicReference<>();
        try (Progress p = Progress.show("compiling")) {
            CheckSettings settings = run.checkSettings(source.provenance(), Clock.systemUTC());
            c = Compiler.compile(source, settings, chosen, out,
                    analysis -> report.set(new TextReport(Terminal.colour()).render(analysis)));
        } catch (SourceException | OutputException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (!c.analysis().diagnostics().isEmpty() || c.refused()) {
            stdout.print(report.get());
        }
        if (c.refused()) {
            stdout.println("idflow: nothing written: error findings remain");
            stdout.flush();
            return ExitCodes.FINDINGS;
        }
        stdout.println("idflow: wrote " + c.outputs().size() + " files to " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
