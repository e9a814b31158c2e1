package dev.idflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.Golden;
import dev.idflow.TestRepo;
import dev.idflow.io.Json;
import dev.idflow.model.SourceFile;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The report formats of {@code check}: golden files, escaping, stable fingerprints, no secrets. */
class ReportFormatsTest {

    static final String POLICY = """
            policy "p"
            system okta { kind idp can approve, suspend }
            system erp { kind app can provision, suspend, expire }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            identity api {
              kind workload
              owner o
              key k { issuer erp ttl 1h }
              key j { issuer erp ttl 1h revoker okta }
            }
            """;

    static Analysis analysis() {
        return TestRepo.checkFiles(List.of(new SourceFile("p.idflow", POLICY.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyCheckFormatMatchesItsGoldenFile() throws Exception {
        Analysis a = analysis();
        assertThat(a.diagnostics()).extracting(Diagnostic::code).containsExactly("IDF201", "IDF202");
        String sarif = new SarifReport("VERSION").render(a, a.diagnostics());
        Golden.assertMatches("check/idflow.sarif", sarif);
        Golden.assertMatches("check/idflow.junit.xml", JunitReport.render(a, a.diagnostics(), FailLevel.ERROR));
        Golden.assertMatches("check/idflow.github.txt", GithubReport.render(a, a.diagnostics()));
        Golden.assertMatches("check/idflow.md", MarkdownReport.render(a, FailLevel.ERROR));
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.render(a, a.diagnostics(), FailLevel.ERROR)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(JsonReportHolder.valid(a)).isTrue();
    }

    /** The JSON format already has its own schema; checked here so every format is covered. */
    static final class JsonReportHolder {
        static boolean valid(Analysis a) {
            return dev.idflow.io.Schemas.validate("diagnostics", Json.read(new JsonReport("v").render(a,
                    FailLevel.ERROR))).isEmpty();
        }
    }

    @Test
    void fingerprintsStayWhenLinesMove() {
        Analysis before = analysis();
        Analysis after = TestRepo.checkFiles(List.of(new SourceFile("p.idflow",
                ("# a comment\n\n" + POLICY).getBytes(StandardCharsets.UTF_8))));
        String fp1 = fingerprint(new SarifReport("v").render(before, before.diagnostics()));
        String fp2 = fingerprint(new SarifReport("v").render(after, after.diagnostics()));
        assertThat(fp1).isEqualTo(fp2);
        assertThat(after.diagnostics().get(0).span().startLine()).isEqualTo(before.diagnostics().get(0).span()
                .startLine() + 2);
    }

    private static String fingerprint(String sarif) {
        return Json.read(sarif).get("runs").get(0).get("results").get(0).get("partialFingerprints")
                .get(SarifReport.FINGERPRINT).asString();
    }

    private static Diagnostic hostile(String code) {
        return new Diagnostic(code, Severity.ERROR, new SourceSpan("a,b:c%.idflow", 3, 2, 3, 9),
                "bad `x`\nnext %0A line <img src=x onerror=alert(1)> [link](https://evil.example) @team **b**",
                null, List.of(), "credential x.y");
    }

    @Test
    void githubCommandsEscapeDataAndProperties() {
        Analysis a = TestRepo.checkText("policy \"p\"\n");
        String out = GithubReport.render(a, List.of(hostile("IDF201")));
        assertThat(out).isEqualTo("::error file=a%2Cb%3Ac%25.idflow,line=3,col=2,endLine=3,endColumn=9,title=IDF201"
                + "::bad `x`%0Anext %250A line <img src=x onerror=alert(1)> [link](https://evil.example) @team **b**\n");
        assertThat(out.split("\n")).hasSize(1);
    }

    @Test
    void markdownCannotBeInjected() {
        String md = Markdown.message(hostile("IDF201").message());
        assertThat(md).doesNotContain("<img").doesNotContain("[link](").contains("\\[link\\]").doesNotContain("https://")
                .doesNotContain("@team").doesNotContain("**b**").doesNotContain("\n").contains("`x`");
        assertThat(Markdown.message("a `b` c ` d")).isEqualTo("a \\`b\\` c \\` d");
        assertThat(Markdown.code("x`y\nz")).isEqualTo("`x'y z`");
    }

    @Test
    void junitEscapesText() throws Exception {
        Analysis a = TestRepo.checkText("policy \"p\"\n");
        String xml = JunitReport.render(a, List.of(hostile("IDF201")), FailLevel.ERROR);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains("<img src=x");
        assertThat(xml).doesNotContain("<img");
    }
}
