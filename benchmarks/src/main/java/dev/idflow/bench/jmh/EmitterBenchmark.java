package dev.idflow.bench.jmh;

import dev.idflow.bench.PolicyGenerator;
import dev.idflow.check.CheckSettings;
import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.Emitters;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.flow.Flows;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Compiler;
import dev.idflow.source.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Each emitter alone, as a pure function from a checked policy to its files, on a generated
 * policy without defects (IDF601 lowered to a warning, as {@code cli-bench.sh} does: the
 * spec's entropy rule flags some long generated resource paths). Validation, hashing and
 * writing are the pipeline's and are not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class EmitterBenchmark {

    /** Identities in the generated policy. */
    @Param({"1000", "10000"})
    public int identities;

    /** The target: opa, aws, gcp, vault or plan. */
    @Param({"opa", "aws", "gcp", "vault", "plan"})
    public String target;

    private Emitter emitter;
    private EmitInput input;

    @Setup
    public void setUp() {
        CheckSettings settings = new CheckSettings(Instant.parse(PolicyGenerator.NOW),
                Map.of("IDF601", Severity.WARNING));
        Analysis analysis = Analyzer.analyze(PolicyGenerator.sources(new PolicyGenerator.Options(identities, 7, 0)),
                settings, "", Provenance.directory());
        if (analysis.count(Severity.ERROR) > 0) {
            throw new IllegalStateException("the generated policy has errors: " + analysis.diagnostics().get(0));
        }
        emitter = Emitters.get(target);
        input = new EmitInput(analysis.policy(), Flows.derive(analysis.policy()), Compiler.revision(analysis));
    }

    @Benchmark
    public List<GeneratedFile> emit() {
        return emitter.emit(input);
    }
}
