package dev.idflow.emit.vault;

import dev.idflow.emit.EmitSupport;
import dev.idflow.target.VaultHcl;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Vault ACL policies as text, escaped the way Vault reads them: with HCL version 1, where a
 * quoted string takes {@code \"}, {@code \\}, {@code \n} ... and {@code \}{@code uXXXX}, and
 * where {@code ${} and {@code %{} are plain text (not HCL2 templates), so they are left as
 * written: a doubled {@code $${} would reach Vault as two dollar signs.
 */
final class Hcl {

    private Hcl() {
    }

    /**
     * {@code text} as an HCL v1 quoted string: {@code "} and {@code \} escaped, every control
     * character (and the Unicode line and paragraph separators) as an escape, everything else
     * as written. IDF908 refuses the one thing v1 cannot read back: quotes, backslashes or
     * control characters inside {@code ${...}}, which v1 copies without unescaping, and an
     * unbalanced {@code ${}, after which v1 no longer sees where the string ends. Such a
     * string is refused here too (a bug, should it ever get this far): it could become code.
     */
    static String string(String text) {
        if (!readableByV1(text)) {
            throw new IllegalArgumentException("HCL v1 cannot read back the string (IDF908): " + text);
        }
        return quoted(text);
    }

    /** {@code text} quoted and escaped, for a comment, where {@code ${} has no meaning. */
    static String quoted(String text) {
        return EmitSupport.quoted(text);
    }

    /**
     * True when HCL v1's scanner reads the escaped {@code text} back as one string with this
     * value: every {@code ${} is closed (braces counted as v1 counts them), and nothing inside
     * it needs an escape. The rule is IDF908's ({@link VaultHcl#problem}).
     */
    static boolean readableByV1(String text) {
        return VaultHcl.problem(text) == null;
    }

    /**
     * A {@code #} comment line. A line comment ends only at a line feed, and every line break
     * is escaped, so nothing from the policy can end it and become code; quoting the text
     * also keeps where it starts and ends visible.
     */
    static String comment(String label, String text) {
        return "# " + label + ": " + quoted(text) + "\n";
    }

    /** {@code # TEXT} for text idflow itself writes (names of the language, times). */
    static String note(String text) {
        return "# " + EmitSupport.escaped(text) + "\n";
    }

    /** One {@code path "P" { capabilities = [...] }} block per path, in the maps' order. */
    static String paths(SortedMap<String, SortedSet<String>> paths) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, SortedSet<String>> p : paths.entrySet()) {
            out.append('\n')
                    .append("path ").append(string(p.getKey())).append(" {\n")
                    .append("  capabilities = ").append(list(p.getValue())).append('\n')
                    .append("}\n");
        }
        return out.toString();
    }

    private static String list(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(string(v));
        }
        return out.append(']').toString();
    }
}
