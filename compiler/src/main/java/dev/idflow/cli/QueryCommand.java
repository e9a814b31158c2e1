package dev.idflow.cli;

import dev.idflow.check.CheckSettings;
import dev.idflow.emit.opa.Decision;
import dev.idflow.emit.opa.OpaData;
import dev.idflow.io.Json;
import dev.idflow.model.Values;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Compiler;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.SourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code idflow query}: the decision {@code authz.rego} would give, computed in Java on the same data. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print the decision of the OPA bundle for one request (exit 0 whatever the decision).")
final class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The policy folder (default: the current folder).")
    Path path;

    @Option(names = "--identity", required = true, paramLabel = "I", description = "The identity.")
    String identity;

    @Option(names = "--credential", required = true, paramLabel = "C", description = "Its credential.")
    String credential;

    @Option(names = "--action", required = true, paramLabel = "A", description = "The action requested.")
    String action;

    @Option(names = "--resource", required = true, paramLabel = "R", description = "The resource.")
    String resource;

    @Option(names = "--principal", paramLabel = "P",
            description = "Who uses the credential (default: identity:IDENTITY, the identity itself).")
    String principal;

    @Option(names = "--time", paramLabel = "T", description = "An RFC 3339 timestamp (default: the clock).")
    String time;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant at = time == null ? Clock.systemUTC().instant() : Values.timestamp(time);
        if (at == null) {
            throw new UserError("invalid --time `" + time + "`: expected an RFC 3339 timestamp such as "
                    + "2026-11-29T08:00:00Z");
        }
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(new DirectorySource(path == null ? Path.of(".") : path), CheckSettings.at(at));
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
        if (analysis.policy() == null || analysis.hasLanguageErrors()) {
            throw new UserError("the policy has language errors (IDF0xx); `idflow check` shows them");
        }
        OpaData data = OpaData.of(analysis.policy(), Compiler.revision(analysis));
        Decision d = Decision.decide(data, new Decision.Request(identity, credential, action, resource, principal, at));
        PrintWriter out = spec.commandLine().getOut();
        out.print(Json.write(d.toJson()));
        out.flush();
        return ExitCodes.OK;
    }
}
