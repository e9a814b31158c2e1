package dev.idflow.bench.jmh;

import dev.idflow.bench.PolicyGenerator;
import dev.idflow.check.CheckSettings;
import dev.idflow.check.Checker;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceFile;
import dev.idflow.model.ast.PolicyFile;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.source.Provenance;
import dev.idflow.syntax.ParsedFile;
import dev.idflow.syntax.PolicyParser;
import dev.idflow.syntax.Resolution;
import dev.idflow.syntax.Resolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The front end, stage by stage, on generated policies: parse (every file, one thread),
 * resolve, check (the lifecycle checks on a resolved policy) and the whole
 * {@link Analyzer#analyze} as {@code idflow check} runs it.
 *
 * <p>The emitters are measured by {@link EmitterBenchmark}, {@code diff} by {@link DiffBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class FrontEndBenchmark {

    /** Identities in the generated policy. */
    @Param({"1000", "10000"})
    public int identities;

    private List<SourceFile> sources;
    private List<PolicyFile> trees;
    private Policy policy;
    private CheckSettings settings;

    @Setup
    public void setUp() {
        sources = PolicyGenerator.sources(new PolicyGenerator.Options(identities, 42, 0.05));
        trees = new ArrayList<>();
        for (SourceFile f : sources) {
            ParsedFile p = PolicyParser.parse(f);
            if (!p.ok()) {
                throw new IllegalStateException("generated policy does not parse: " + p.diagnostics());
            }
            trees.add(p.ast());
        }
        Resolution r = Resolver.resolve(trees);
        if (!r.diagnostics().isEmpty()) {
            throw new IllegalStateException("generated policy does not resolve: " + r.diagnostics().get(0));
        }
        policy = r.policy();
        settings = CheckSettings.at(Instant.parse(PolicyGenerator.NOW));
    }

    @Benchmark
    public List<ParsedFile> parse() {
        List<ParsedFile> out = new ArrayList<>(sources.size());
        for (SourceFile f : sources) {
            out.add(PolicyParser.parse(f));
        }
        return out;
    }

    @Benchmark
    public Resolution resolve() {
        return Resolver.resolve(trees);
    }

    @Benchmark
    public Object check() {
        return Checker.run(policy, settings);
    }

    @Benchmark
    public Analysis analyze() {
        return Analyzer.analyze(sources, settings, "", Provenance.directory());
    }
}
