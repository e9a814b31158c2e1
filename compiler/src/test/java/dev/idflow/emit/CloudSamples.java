package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samples the cloud emitters are tested on, checked at {@link TestRepo#NOW} and emitted. */
final class CloudSamples {

    /** Sample folders under {@code samples/} whose {@code policies/} every cloud test emits. */
    static final List<String> NAMES = List.of("acme", "multicloud");

    static final String REVISION = "rev";

    private CloudSamples() {
    }

    static Policy policy(String sample) {
        Analysis a = TestRepo.check(TestRepo.samples().resolve(sample).resolve("policies"));
        assertThat(a.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
        return a.policy();
    }

    static EmitInput input(Policy policy) {
        return new EmitInput(policy, Flows.derive(policy), REVISION);
    }

    static EmitInput input(String sample) {
        return input(policy(sample));
    }

    /** Every file the emitter writes for the sample, by path. */
    static Map<String, GeneratedFile> emit(Emitter emitter, EmitInput input) {
        Map<String, GeneratedFile> out = new LinkedHashMap<>();
        for (GeneratedFile f : emitter.emit(input)) {
            assertThat(out.put(f.path(), f)).as("path emitted twice: %s", f.path()).isNull();
        }
        return out;
    }

    /** Every file the cloud emitters write for the policy, by path. */
    static Map<String, GeneratedFile> emitAll(EmitInput input) {
        Map<String, GeneratedFile> out = new LinkedHashMap<>();
        for (Emitter e : CloudEmitters.all()) {
            emit(e, input).forEach((path, f) -> assertThat(out.put(path, f)).isNull());
        }
        return out;
    }

    /** Checks one policy given as text and requires it to be free of errors. */
    static EmitInput inputText(String text) {
        Analysis a = TestRepo.checkText(text);
        assertThat(a.diagnostics()).as(String.join("\n", TestRepo.lines(a)))
                .noneMatch(d -> d.severity() == Severity.ERROR);
        return input(a.policy());
    }
}
