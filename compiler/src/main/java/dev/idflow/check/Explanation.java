package dev.idflow.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The explanation of a code as {@code idflow explain} prints it and the docs show it: the
 * rule's metadata with the broken and fixed examples of its golden sample folder, which
 * the build copies onto the class path, so that text and tests cannot drift apart.
 */
public final class Explanation {

    private static final String SAMPLES = "/dev/idflow/samples/checks/";

    private Explanation() {
    }

    public static String text(RuleInfo rule) {
        StringBuilder b = new StringBuilder();
        b.append(rule.code()).append(": ").append(rule.title()).append('\n');
        b.append("severity: ").append(rule.severity().word());
        if (!rule.owasp().isEmpty()) {
            b.append("    OWASP NHI Top 10 (2025): ").append(rule.owasp());
        }
        if (!rule.nist().isEmpty()) {
            b.append("    NIST CSF 2.0: ").append(rule.nist());
        }
        b.append("\n\n").append(rule.summary()).append("\n\n").append(rule.explanation()).append('\n');
        example(b, "Broken", brokenExample(rule.code()));
        example(b, "Fixed", fixedExample(rule.code()));
        b.append("\nMore: ").append(rule.helpUri()).append('\n');
        return b.toString();
    }

    /** The broken example of {@code code}, or null when it has none. */
    public static String brokenExample(String code) {
        return resource(SAMPLES + code + "/broken/policy.idflow");
    }

    /** The fixed example of {@code code}, or null when it has none. */
    public static String fixedExample(String code) {
        return resource(SAMPLES + code + "/fixed/policy.idflow");
    }

    private static void example(StringBuilder b, String label, String text) {
        if (text == null) {
            return;
        }
        b.append('\n').append(label).append(":\n");
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                b.append("    ").append(line);
            }
            b.append('\n');
        }
    }

    private static String resource(String name) {
        try (InputStream in = Explanation.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
