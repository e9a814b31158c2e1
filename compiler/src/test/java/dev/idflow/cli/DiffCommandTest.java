package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.Golden;
import dev.idflow.GitRepo;
import dev.idflow.TestRepo;
import dev.idflow.io.Json;
import dev.idflow.report.SarifSchema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** {@code idflow diff} on real Git repositories: one pull request per risky change, and one that only moves code. */
class DiffCommandTest {

    @TempDir
    static Path tmp;

    static GitRepo repo;

    @BeforeAll
    static void build() {
        repo = PullRequestFixture.build(tmp.resolve("repo"));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    static CliTest.Run diff(String head, String... more) {
        List<String> args = new ArrayList<>(List.of("diff", "policies", "--repo", repo.dir().toString(), "--base",
                "main", "--head", head));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void removingARevokerIsANewIdf201AndTheFirstRiskyChange() {
        CliTest.Run r = diff("remove-revoker", "--format", "markdown");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("## idflow diff: failed, 1 risky change, 1 new finding");
        assertThat(lines[2]).isEqualTo("### Risky changes");
        assertThat(lines[4]).startsWith("- **revoker lost**: nothing can revoke `api.signing` any more: revoker "
                + "`gateway` removed and issuer `erp` cannot revoke");
        assertThat(r.out()).contains("### New findings (1)\n\n- **IDF201** `policies/identities.idflow:5:7`");
        assertThat(r.out()).doesNotContain("legacy.old`: ");
    }

    @Test
    void sarifOfThePullRequestHasOneResultOnTheRightLine() {
        CliTest.Run r = diff("remove-revoker", "--format", "sarif");
        assertThat(SarifSchema.problems(r.out())).isEmpty();
        JsonNode results = Json.read(r.out()).get("runs").get(0).get("results");
        assertThat(results).hasSize(1);
        JsonNode result = results.get(0);
        assertThat(result.get("ruleId").asString()).isEqualTo("IDF201");
        JsonNode loc = result.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asString()).isEqualTo("policies/identities.idflow");
        assertThat(loc.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(5);
        assertThat(TestRepo.read(repo.dir().resolve("policies/identities.idflow")).split("\n")[4])
                .isEqualTo("  key signing {");
        CliTest.Run all = diff("remove-revoker", "--format", "sarif", "--show-unchanged");
        assertThat(Json.read(all.out()).get("runs").get(0).get("results")).hasSize(2);
    }

    @Test
    void theSarifMultitoolFindsNoErrorInTheLog() throws Exception {
        CliTest.Run r = diff("remove-revoker", "--format", "sarif", "--show-unchanged");
        Path work = java.nio.file.Files.createDirectories(tmp.resolve("multitool"));
        assertThat(SarifSchema.multitoolErrors(r.out(), work)).isEmpty();
    }

    @Test
    void everyFormatMatchesItsGoldenFile() {
        Path reports = tmp.resolve("reports");
        CliTest.Run r = diff("remove-revoker", "--format", "text,json,sarif,junit,github,markdown", "--report-dir",
                reports.toString());
        assertThat(r.code()).isEqualTo(1);
        List<String> stdout = List.of(r.out().split("(?=::error)", 2));
        Golden.assertMatches("diff/remove-revoker/stdout.txt", r.out());
        assertThat(stdout.get(0)).startsWith("idflow diff main (");
        assertThat(r.out()).contains("::error file=policies/identities.idflow,line=5,col=7,endLine=5,endColumn=14,"
                + "title=IDF201::credential `api.signing` has no revoker");
        assertThat(dev.idflow.io.Schemas.validate("diff", Json.read(TestRepo.read(reports.resolve("idflow.json")))))
                .isEmpty();
        for (String f : List.of("idflow.json", "idflow.sarif", "idflow.junit.xml", "idflow.md")) {
            Golden.assertMatches("diff/remove-revoker/" + f, TestRepo.read(reports.resolve(f)));
        }
        assertThat(SarifSchema.problems(TestRepo.read(reports.resolve("idflow.sarif")))).isEmpty();
    }

    @Test
    void junitParsesBackWithOneFailureForTheNewFinding() throws Exception {
        CliTest.Run r = diff("remove-revoker", "--format", "junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testCase = (Element) failures.item(0).getParentNode();
        assertThat(testCase.getAttribute("classname")).isEqualTo("idflow.IDF201");
        assertThat(testCase.getAttribute("name")).isEqualTo("policies/identities.idflow");
        assertThat(((Element) failures.item(0)).getAttribute("message")).contains("`api.signing`");
        CliTest.Run all = diff("remove-revoker", "--format", "junit", "--gate", "all");
        assertThat(all.out()).contains("failures=\"1\"").contains("`legacy.old`").contains("`api.signing`");
        assertThat(r.out()).doesNotContain("`legacy.old`");
    }

    @Test
    void aNewBreakGlassExceptionIsNamedAtTheTop() {
        CliTest.Run r = diff("break-glass", "--format", "markdown");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("## idflow diff: passed, 1 risky change, 0 new findings\n\n### Risky changes\n\n"
                + "- **new break-glass exception**: break-glass exception `incident-4711` added: `api.s3-writer` to "
                + "`user:alice@acme.example` for 4h (`policies/exceptions.idflow:1:11`)\n");
        Golden.assertMatches("diff/break-glass/idflow.md", r.out());
    }

    @Test
    void movingAndReformattingBlocksChangesNothing() {
        CliTest.Run r = diff("move", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode json = Json.read(r.out());
        assertThat(json.get("new")).isEmpty();
        assertThat(json.get("fixed")).isEmpty();
        assertThat(json.get("changes")).isEmpty();
        assertThat(json.get("summary").get("unchanged").asInt()).isEqualTo(1);
        assertThat(diff("move", "--format", "sarif").out()).contains("\"results\": []");
        assertThat(diff("move", "--gate", "all").code()).isEqualTo(1);
        assertThat(diff("move", "--gate", "all", "--fail-on", "never").code()).isZero();
    }

    @Test
    void widenedAwsActionIsANewWildcard() {
        CliTest.Run r = diff("widen", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(dev.idflow.io.Schemas.validate("diff", Json.read(r.out()))).isEmpty();
        JsonNode changes = Json.read(r.out()).get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("kind").asString()).isEqualTo("wildcard-added");
        assertThat(changes.get(0).get("description").asString())
                .isEqualTo("`api.s3-writer` now allows `s3:*` on `arn:aws:s3:::payments/*`");
        assertThat(changes.get(0).get("line").asInt()).isEqualTo(20);
        Golden.assertMatches("diff/widen/idflow.txt", diff("widen").out());
    }

    @Test
    void aBaseWithoutThePolicyIsEmpty() {
        CliTest.Run r = CliTest.run("diff", "policies", "--repo", repo.dir().toString(), "--base", "main~2",
                "--head", "main", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = Json.read(r.out());
        assertThat(dev.idflow.io.Schemas.validate("diff", json)).isEmpty();
        assertThat(json.get("new")).hasSize(1);
        assertThat(json.get("changes").toString()).contains("identity `api` added").contains("system `erp` added");
    }

    @Test
    void bothRevisionsAreJudgedAtTheHeadsCommitTime() throws Exception {
        JsonNode json = Json.read(diff("widen", "--format", "json").out());
        var head = repo.git().getRepository().parseCommit(repo.git().getRepository().resolve("widen"));
        assertThat(json.get("now").asString()).isEqualTo(head.getCommitterIdent().getWhenAsInstant().toString());
        assertThat(Json.read(diff("widen", "--format", "json", "--now", "2030-01-01T00:00:00Z").out()).get("now")
                .asString()).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void worksOnABareCloneAndAgainstOriginMain() {
        Path bare = repo.bareClone(tmp.resolve("bare.git"));
        CliTest.Run r = CliTest.run("diff", "policies", "--repo", bare.toString(), "--base", "main", "--head",
                "remove-revoker");
        assertThat(r.code()).isEqualTo(1);
        try (GitRepo clone = repo.cloneTo(tmp.resolve("clone"))) {
            clone.git().checkout().setCreateBranch(true).setName("pr").setStartPoint("origin/break-glass").call();
            CliTest.Run pr = CliTest.run("diff", "policies", "--repo", clone.dir().toString(), "--base",
                    "origin/main");
            assertThat(pr.code()).isZero();
            assertThat(pr.out()).contains("risky: new break-glass exception");
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void inputErrorsExitTwo() {
        CliTest.Run unknown = CliTest.run("diff", "--repo", repo.dir().toString(), "--base", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).hasLineCount(1).contains("unknown revision `nope`");
        assertThat(CliTest.run("diff", "--repo", tmp.toString(), "--base", "main").err())
                .startsWith("idflow: not a Git repository");
        assertThat(diff("widen", "--gate", "some").code()).isEqualTo(2);
        assertThat(CliTest.run("diff", "--repo", repo.dir().toString()).code()).isEqualTo(2);
    }
}
