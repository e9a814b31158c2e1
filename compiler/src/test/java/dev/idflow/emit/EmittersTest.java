package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's two orders: the targets' own (help, manifest) and the one compile starts them in. */
class EmittersTest {

    @Test
    void compileStartsTheLongestTargetsFirstAndTheRegistryKeepsItsOrder() {
        assertThat(Emitters.longestFirst(Emitters.all())).extracting(Emitter::target)
                .containsExactly("opa", "plan", "aws", "vault", "gcp");
        assertThat(Emitters.targets()).containsExactly("opa", "aws", "gcp", "vault", "plan");
    }

    @Test
    void aTargetWithoutAPlaceStartsLastInItsOwnOrder() {
        List<Emitter> emitters = new ArrayList<>(List.of(unnamed("b"), Emitters.get("gcp"), unnamed("a"),
                Emitters.get("opa")));
        assertThat(Emitters.longestFirst(emitters)).extracting(Emitter::target).containsExactly("opa", "gcp", "b", "a");
        assertThat(emitters).extracting(Emitter::target).as("the list given is left as it was")
                .containsExactly("b", "gcp", "a", "opa");
    }

    private static Emitter unnamed(String target) {
        return new Emitter() {
            @Override
            public String target() {
                return target;
            }

            @Override
            public void emit(EmitInput input, FileSink out) {
            }

            @Override
            public String schema(String path) {
                return null;
            }
        };
    }
}
