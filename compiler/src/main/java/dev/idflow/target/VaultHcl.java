package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;

/**
 * Which strings Vault can read back from the emitted ACL policies. Vault parses them with HCL
 * version 1, whose scanner, once inside {@code ${}, counts braces ({@code {} opens one more,
 * {@code }} closes one) until the count is back to zero, and whose unquoting copies that
 * text as it is, without reading escapes. So a string with a {@code ${} that never closes
 * cannot be read back at all, and one whose {@code ${...}} holds a character the emitter
 * writes as an escape would reach Vault with the escape instead of the character. IDF908
 * refuses both before anything is emitted, and the Vault emitter never writes them.
 *
 * <p>The strings written are a vault credential's {@code allow} capabilities and paths, and
 * the {@code path} of a {@code secret} ({@link #secretPath}).
 */
public final class VaultHcl {

    /** An open {@code ${} without its closing brace. */
    public static final String UNBALANCED = "unbalanced";
    /** A character written as an escape inside {@code ${...}}. */
    public static final String INSIDE = "inside";

    private VaultHcl() {
    }

    /**
     * Why HCL v1 cannot read {@code text} back as written: {@link #UNBALANCED} (checked first,
     * since nothing after the open {@code ${} is then a string), {@link #INSIDE}, or null when
     * it can.
     */
    public static String problem(String text) {
        int braces = 0;
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (braces == 0) {
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    braces = 1;
                    i++;
                }
                continue;
            }
            inside |= escaped(c);
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return braces != 0 ? UNBALANCED : inside ? INSIDE : null;
    }

    /**
     * The path a credential is granted {@code read} on for being stored there (LANGUAGE.md):
     * a {@code secret}'s {@code path}; null for any other credential, whose {@code path} is
     * written nowhere.
     */
    public static String secretPath(Credential credential) {
        return credential.type() == CredentialType.SECRET ? credential.path() : null;
    }

    /**
     * True when the emitter writes {@code c} as an escape in a quoted string: the quote, the
     * backslash, every control character and the Unicode line and paragraph separators.
     */
    public static boolean escaped(int c) {
        return c == '"' || c == '\\' || Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }
}
