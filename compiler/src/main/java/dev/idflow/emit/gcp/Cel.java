package dev.idflow.emit.gcp;

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
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
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
