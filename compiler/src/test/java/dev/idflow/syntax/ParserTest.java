package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexical rules, recovery and input bounds of the parser. */
class ParserTest {

    private static List<String> lines(String text) {
        return TestRepo.lines(TestRepo.checkText(text));
    }

    @Test
    void threeSyntaxErrorsGiveThreeFindings() {
        String text = """
                policy "t"
                system a { kind aws-iam account "123456789012" colour red }
                system b { kind idp can approve, }
                owner o { contact "x@y.z" escalation }
                """;
        assertThat(lines(text)).containsExactly(
                "policy.idflow:2:48: error[IDF001]: expected one of `account`, `address`, `can`, `env`, `kind`, "
                        + "`mode`, `project` or `}`, found `colour`",
                "policy.idflow:3:34: error[IDF001]: expected a name, found `}`",
                "policy.idflow:4:38: error[IDF001]: expected a string, found `}`");
    }

    @Test
    void commentsSemicolonsAndLayoutDoNotChangeMeaning() {
        String compact = "policy \"p\" system s { kind idp; can approve; } owner o { contact \"a@b.c\"; }";
        String spread = """
                // a comment
                policy "p" # another
                /* a block
                   comment */
                system s {
                  kind idp
                  can approve
                }
                owner o { contact "a@b.c" }
                """;
        Analysis a = TestRepo.checkText(compact);
        Analysis b = TestRepo.checkText(spread);
        assertThat(a.diagnostics()).as("language findings").noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(b.diagnostics()).as("language findings").noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(a.policy().systems().get("s").capabilities())
                .isEqualTo(b.policy().systems().get("s").capabilities());
    }

    @Test
    void attributeWordsAreOrdinaryNamesElsewhere() {
        Analysis a = TestRepo.checkText("""
                policy "p"
                system kind { kind idp can approve }
                owner ttl { contact "a@b.c" }
                """);
        assertThat(a.diagnostics()).as("language findings").noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(a.policy().systems()).containsKey("kind");
        assertThat(a.policy().owners()).containsKey("ttl");
    }

    @Test
    void reservedWordsAreNotNames() {
        assertThat(lines("policy \"p\"\nsystem token { kind idp }\n"))
                .singleElement().asString().contains("error[IDF001]").contains("found `token`");
    }

    @Test
    void stringEscapesAreResolvedAndUnknownOnesReported() {
        Analysis a = TestRepo.checkText("policy \"p\"\nowner o { contact \"a\\\"b\\\\c\\n\\u0041\" }\n");
        assertThat(a.diagnostics()).as("language findings").noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(a.policy().owners().get("o").contacts()).containsExactly("a\"b\\c\nA");
        assertThat(lines("policy \"p\"\nowner o { contact \"ab\\qc\" }\n"))
                .containsExactly("policy.idflow:2:22: error[IDF005]: invalid escape `\\q` in a string");
    }

    @Test
    void unterminatedStringAndBadCharacter() {
        assertThat(lines("policy \"p\nowner o { contact \"a\" }\n")).first().asString()
                .startsWith("policy.idflow:1:8: error[IDF001]: unterminated string");
        assertThat(lines("policy \"p\" @")).containsExactly(
                "policy.idflow:1:12: error[IDF001]: unexpected character `@`");
    }

    @Test
    void columnsCountCodePoints() {
        assertThat(lines("policy \"\uD83D\uDE00\" system s { kind nope }"))
                .containsExactly("policy.idflow:1:28: error[IDF005]: unknown system kind `nope`; expected one of "
                        + "aws-iam, gcp-iam, vault, opa, idp, itsm, ci, kubernetes, saas, app");
    }

    @Test
    void invalidUtf8IsAFindingWithAPlace() {
        byte[] bytes = "policy \"p\"\nowner o { contact \"\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;
        broken[bytes.length + 2] = '"';
        Analysis a = TestRepo.checkFiles(List.of(new SourceFile("bad.idflow", broken)));
        assertThat(TestRepo.lines(a)).containsExactly(
                "bad.idflow:2:21: error[IDF001]: the file is not valid UTF-8 (byte offset 32)");
    }

    @Test
    void deepNestingIsBoundedWithoutStackOverflow() {
        String text = "policy \"p\"\n" + "{".repeat(100_000);
        List<Diagnostic> d = TestRepo.checkText(text).diagnostics();
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("IDF001");
            assertThat(x.message()).contains("deeper than 64");
            assertThat(x.span().startCol()).isEqualTo(65);
        });
    }

    @Test
    void tooManyTokensIsAFindingAtTheTokenOverTheLimitEvenWhenItIsWhiteSpace() {
        // `policy`, a space and `"p"`, then `, ` pairs: token 8,000,001 is the space of pair 3,999,998
        String text = "policy \"p\"" + ", ".repeat(4_000_000);
        List<Diagnostic> d = TestRepo.checkText(text).diagnostics();
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("IDF001");
            assertThat(x.message()).contains("more than 8000000 tokens");
            assertThat(x.span().startLine()).isEqualTo(1);
            assertThat(x.span().startCol()).isEqualTo(12 + 2 * 3_999_998);
        });
    }

    @Test
    void oversizedFilesAreRefused() {
        byte[] big = new byte[PolicyParser.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Analysis a = TestRepo.checkFiles(List.of(new SourceFile("big.idflow", big)));
        assertThat(TestRepo.lines(a)).singleElement().asString()
                .startsWith("big.idflow:1:1: error[IDF001]: the file has 16777217 bytes");
    }

    @Test
    void aSyntaxErrorAnywhereStopsResolution() {
        Analysis a = TestRepo.checkFiles(List.of(
                new SourceFile("a.idflow", "policy \"p\" system s { kind }".getBytes(StandardCharsets.UTF_8)),
                new SourceFile("b.idflow", "owner o { }".getBytes(StandardCharsets.UTF_8))));
        assertThat(TestRepo.lines(a)).containsExactly("a.idflow:1:28: error[IDF001]: expected a name, found `}`");
    }
}
