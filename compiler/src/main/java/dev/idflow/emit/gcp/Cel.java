package dev.idflow.emit.gcp;

import dev.idflow.emit.EmitSupport;
import dev.idflow.model.Values;
import java.time.Instant;

/** CEL text for IAM conditions: string literals escaped as CEL reads them, time comparisons. */
final class Cel {

    private Cel() {
    }

    /**
     * {@code text} as a double-quoted CEL string literal that reads back as exactly
     * {@code text}: backslash, quote and every control character escaped, other characters
     * (including any Unicode) written as they are.
     */
    static String string(String text) {
        return EmitSupport.quoted(text);
    }

    /** {@code timestamp("T")} for an instant, RFC 3339 UTC. */
    static String timestamp(Instant t) {
        return "timestamp(" + string(Values.rfc3339(t)) + ")";
    }

    /** Valid while {@code request.time < end}. */
    static String before(Instant end) {
        return "request.time < " + timestamp(end);
    }

    /** Valid in the half-open window {@code from <= request.time < until}. */
    static String window(Instant from, Instant until) {
        return "request.time >= " + timestamp(from) + " && request.time < " + timestamp(until);
    }
}
