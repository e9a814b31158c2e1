package dev.idflow.emit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact text of HCL strings against Vault's HCL version 1 rules: {@code "}, {@code \} and
 * control characters escaped; {@code ${} and {@code %{} are plain text there and stay as
 * written (HCL2's {@code $${} would reach Vault as two dollar signs).
 */
class HclTest {

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertThat(Hcl.string("a\"b\\c\nd\re\tf\u0000g\u007fh\u2028i"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u007fh\\u2028i\"");
    }

    @Test
    void templatesStayAsWritten() {
        assertThat(Hcl.string("secret/${identity.entity.id}/*")).isEqualTo("\"secret/${identity.entity.id}/*\"");
        assertThat(Hcl.string("a%{if x}b")).isEqualTo("\"a%{if x}b\"");
        assertThat(Hcl.string("$${x}")).isEqualTo("\"$${x}\"");
    }

    @Test
    void whatHclV1CannotReadBackIsRefusedNotWritten() {
        for (String s : List.of("a${b", "a${\"}b", "a${\\}", "a${x\ny}", "${a{b}", "a${b}${")) {
            assertThat(Hcl.readableByV1(s)).as(s).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hcl.string(s))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IDF908");
        }
        for (String s : List.of("a${b}c", "${a{b}}", "\"${x}\\", "$ {", "%{\"}", "{\"}", "${}")) {
            assertThat(Hcl.readableByV1(s)).as(s).isTrue();
        }
        assertThat(Hcl.comment("reason", "a${\"b")).isEqualTo("# reason: \"a${\\\"b\"\n");
    }

    @Test
    void unicodeIsWrittenAsIs() {
        assertThat(Hcl.string("Grüße 🚀")).isEqualTo("\"Grüße 🚀\"");
    }

    @Test
    void readsBackThroughHclV1Rules() {
        for (String s : List.of("plain", "a\"b", "a\\b", "x${identity.entity.name}y", "%{x}", "line\nbreak",
                "tab\tcr\r", "bell\u0007", "ü🚀", "*/ # //")) {
            assertThat(HclV1.unquote(Hcl.string(s))).as(s).isEqualTo(s);
        }
    }

    @Test
    void aCommentCannotBeEnded() {
        String c = Hcl.comment("reason", "x\npath \"evil\" {}\r\n*/\u2028y");
        assertThat(c).endsWith("\n").doesNotContain("\r").doesNotContain("\u2028");
        assertThat(c.indexOf('\n')).isEqualTo(c.length() - 1);
        assertThat(c).startsWith("# reason: ");
    }

    @Test
    void capabilitiesAndPathsAreSortedBlocks() {
        var paths = new java.util.TreeMap<String, java.util.SortedSet<String>>();
        paths.put("b/*", new java.util.TreeSet<>(List.of("read", "list")));
        paths.put("a", new java.util.TreeSet<>(List.of("update")));
        assertThat(Hcl.paths(paths)).isEqualTo("""

                path "a" {
                  capabilities = ["update"]
                }

                path "b/*" {
                  capabilities = ["list", "read"]
                }
                """);
    }

    /**
     * The string rules of HCL v1 (hashicorp/hcl v1 {@code strconv.Unquote}), which Vault uses
     * for policies: escapes {@code \a \b \f \n \r \t \v \\ \"}, {@code \}{@code uXXXX}; the
     * text between {@code ${} and its {@code }} is copied as it is, without unescaping.
     */
    static final class HclV1 {
        static String unquote(String quoted) {
            assertThat(quoted).startsWith("\"").endsWith("\"");
            String s = quoted.substring(1, quoted.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    int depth = 0;
                    int j = i + 1;
                    for (; j < s.length(); j++) {
                        depth += s.charAt(j) == '{' ? 1 : s.charAt(j) == '}' ? -1 : 0;
                        if (depth == 0) {
                            break;
                        }
                    }
                    out.append(s, i, j + 1);
                    i = j;
                    continue;
                }
                if (c == '"' || c == '\n') {
                    throw new IllegalArgumentException("unescaped " + (int) c + " in an HCL v1 string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'v' -> out.append('\u000b');
                    case '\\', '"' -> out.append(e);
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("invalid escape \\" + e);
                }
            }
            return out.toString();
        }
    }
}
