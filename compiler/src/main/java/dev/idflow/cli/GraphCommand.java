package dev.idflow.cli;

import dev.idflow.check.CheckSettings;
import dev.idflow.graph.DotWriter;
import dev.idflow.graph.Graph;
import dev.idflow.graph.GraphBuilder;
import dev.idflow.graph.MermaidWriter;
import dev.idflow.model.Event;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Now;
import dev.idflow.report.TextReport;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idflow graph}: the lifecycle flows as a picture, in Graphviz DOT or Mermaid, with
 * incomplete steps in red and labelled with the codes of their findings. A policy with
 * language errors has no flows: its errors are printed on stderr and the exit code is 1.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw the lifecycle flows of a policy (Graphviz DOT or Mermaid).")
final class GraphCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The policy folder (default: the current folder).")
    Path path;

    @Option(names = "--format", paramLabel = "F", description = "dot (default) or mermaid.")
    String format = "dot";

    @Option(names = "--identity", paramLabel = "NAME", description = "Only this identity and what it touches.")
    String identity;

    @Option(names = "--event", paramLabel = "EVENT", description = "Only the flows of create, update, suspend or delete.")
    String event;

    @Option(names = "--now", paramLabel = "T", hidden = true,
            description = "\"Now\" for the findings that label the picture (default: wall).")
    String now;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("dot") && !format.equals("mermaid")) {
            throw new UserError("unknown --format `" + format + "`: expected dot or mermaid");
        }
        Event only = null;
        if (event != null) {
            only = Event.parse(event);
            if (only == null) {
                throw new UserError("unknown --event `" + event + "`: expected one of " + String.join(", ", Event.words()));
            }
        }
        Analysis analysis = analyze();
        if (analysis.hasLanguageErrors()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(new TextReport(false).render(analysis));
            err.flush();
            return ExitCodes.FINDINGS;
        }
        Graph graph;
        try {
            graph = GraphBuilder.build(analysis, identity, only);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("dot") ? DotWriter.write(graph) : MermaidWriter.write(graph));
        out.flush();
        return ExitCodes.OK;
    }

    private Analysis analyze() {
        PolicySource source = new DirectorySource(path == null ? Path.of(".") : path);
        try {
            Now nowSpec = Now.parse(now);
            return Analyzer.analyze(source, CheckSettings.at(nowSpec.resolve(source.provenance(), Clock.systemUTC())));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }
}
