package dev.idflow.bench.jmh;

import dev.idflow.bench.PolicyGenerator;
import dev.idflow.check.CheckSettings;
import dev.idflow.model.SourceFile;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Diff;
import dev.idflow.pipeline.DiffResult;
import dev.idflow.source.Provenance;
import java.nio.charset.StandardCharsets;
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
 * {@code idflow diff} without Git: a generated policy against a head in which one team's
 * file lengthened its short token lifetimes and widened its reads. {@code compare} is the
 * comparison of two analyses (findings by key and the semantic change by identity);
 * {@code analyzeBothAndCompare} is everything {@code diff} does after reading the files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class DiffBenchmark {

    /** Identities in the generated policy. */
    @Param({"1000", "10000"})
    public int identities;

    private List<SourceFile> base;
    private List<SourceFile> head;
    private CheckSettings settings;
    private Analysis baseAnalysis;
    private Analysis headAnalysis;

    @Setup
    public void setUp() {
        base = PolicyGenerator.sources(new PolicyGenerator.Options(identities, 42, 0.05));
        head = new ArrayList<>(base);
        boolean changed = false;
        for (int i = 0; i < head.size() && !changed; i++) {
            SourceFile f = head.get(i);
            String text = new String(f.content(), StandardCharsets.UTF_8);
            if (f.path().startsWith("identities/") && text.contains("ttl 1h") && text.contains("allow \"read\"")) {
                String widened = text.replace("ttl 1h", "ttl 12h").replace("allow \"read\"", "allow \"*\"");
                head.set(i, new SourceFile(f.path(), widened.getBytes(StandardCharsets.UTF_8)));
                changed = true;
            }
        }
        if (!changed) {
            throw new IllegalStateException("no identities file with `ttl 1h` and `allow \"read\"` to change");
        }
        settings = CheckSettings.at(Instant.parse(PolicyGenerator.NOW));
        baseAnalysis = analyze(base);
        headAnalysis = analyze(head);
        if (compare().changes().isEmpty()) {
            throw new IllegalStateException("the head changes nothing");
        }
    }

    private Analysis analyze(List<SourceFile> files) {
        return Analyzer.analyze(files, settings, "", Provenance.directory());
    }

    @Benchmark
    public DiffResult compare() {
        return Diff.compare(baseAnalysis, headAnalysis, false);
    }

    @Benchmark
    public DiffResult analyzeBothAndCompare() {
        return Diff.compare(analyze(base), analyze(head), false);
    }
}
