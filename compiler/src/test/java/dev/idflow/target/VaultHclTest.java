package dev.idflow.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.emit.EmitSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What HCL v1 reads back, the rule IDF908 judges by and the Vault emitter writes by. */
class VaultHclTest {

    @Test
    void anOpenTemplateIsUnbalancedWithItsBracesCounted() {
        for (String s : List.of("a${b", "${a{b}", "a${b}${", "${\"", "x${a{b}}${c{")) {
            assertThat(VaultHcl.problem(s)).as(s).isEqualTo(VaultHcl.UNBALANCED);
        }
    }

    @Test
    void anEscapedCharacterInsideATemplateIsRefused() {
        for (String s : List.of("a${\"}b", "a${\\}", "a${x\ny}", "a${x\u2028y}", "${a{\u0007}}", "${a}${\u2029}")) {
            assertThat(VaultHcl.problem(s)).as(s).isEqualTo(VaultHcl.INSIDE);
        }
    }

    @Test
    void closedTemplatesOfPlainCharactersAndEscapesOutsideThemAreRead() {
        for (String s : List.of("a${b}c", "${a{b}}", "\"${x}\\", "$ {", "%{\"}", "{\"}", "${}", "$${x}", "\u2028")) {
            assertThat(VaultHcl.problem(s)).as(s).isNull();
        }
    }

    /** The characters judged "inside" are exactly those the emitter's quoting escapes. */
    @Test
    void escapedIsWhatTheEmitterEscapes() {
        List<String> disagree = new java.util.ArrayList<>();
        int escaped = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String s = Character.toString(cp);
            if (!EmitSupport.escaped(s).equals(s) != VaultHcl.escaped(cp)) {
                disagree.add(String.format("U+%04X", cp));
            }
            escaped += VaultHcl.escaped(cp) ? 1 : 0;
        }
        assertThat(disagree).isEmpty();
        assertThat(escaped).as("quote, backslash, 65 controls, two separators").isEqualTo(69);
    }
}
