package dev.idflow.emit.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEL string literals read back by cel-java as exactly the text, whatever it holds. */
class CelTest {

    private static final Cel CEL = CelFactory.standardCelBuilder().build();

    @Test
    void stringLiteralsReadBackExactly() throws Exception {
        for (String s : List.of("plain", "a\"b", "a\\b", "${x}", "%{x}", "line\nbreak\r\t", "bell\u0007\u0000",
                "ü🚀", "*/ # //", "'single'", "\"\"\"")) {
            Object v = CEL.createProgram(CEL.compile(Cel_.string(s)).getAst()).eval(Map.of());
            assertThat(v).as(s).isEqualTo(s);
        }
    }

    @Test
    void expressionsHaveTheSpecifiedShape() {
        Instant from = Instant.parse("2026-12-01T06:00:00Z");
        Instant until = Instant.parse("2026-12-03T06:00:00Z");
        assertThat(Cel_.before(until)).isEqualTo("request.time < timestamp(\"2026-12-03T06:00:00Z\")");
        assertThat(Cel_.window(from, until)).isEqualTo(
                "request.time >= timestamp(\"2026-12-01T06:00:00Z\") && request.time < timestamp(\"2026-12-03T06:00:00Z\")");
    }

    @Test
    void longTextIsClippedAtACodePoint() {
        assertThat(GcpEmitter.clip("x".repeat(99) + "🚀", 100)).isEqualTo("x".repeat(99) + "\u2026");
        assertThat(GcpEmitter.clip("x".repeat(100), 100)).hasSize(100);
        assertThat(GcpEmitter.clip("x".repeat(300), 256)).hasSize(256).endsWith("\u2026");
    }

    /** The class under test (its name clashes with cel-java's {@code Cel}). */
    private static final class Cel_ {
        static String string(String s) {
            return dev.idflow.emit.gcp.Cel.string(s);
        }

        static String before(Instant t) {
            return dev.idflow.emit.gcp.Cel.before(t);
        }

        static String window(Instant a, Instant b) {
            return dev.idflow.emit.gcp.Cel.window(a, b);
        }
    }
}
