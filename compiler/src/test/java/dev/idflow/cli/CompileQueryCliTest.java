package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code idflow compile} and {@code idflow query} as a user meets them: exit codes, output, the disk. */
class CompileQueryCliTest {

    @TempDir
    Path dir;

    static final String ACME = TestRepo.samples().resolve("acme/policies").toString();
    static final String NOW = "2026-11-29T08:00:00Z";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void compileWritesTheTargetsAndExitsZero() {
        Path out = dir.resolve("out");
        Run r = run("compile", ACME, "--now", NOW, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("idflow: wrote 13 files to " + out);
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve("opa/bundle.tar.gz")).exists();
        assertThat(out.resolve("plan/lifecycle.json")).exists();
    }

    @Test
    void compileWithAnErrorExitsOneAndLeavesThePreviousOutput() throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("compile", ACME, "--now", NOW, "-o", out.toString(), "--target", "plan").code()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("plan/lifecycle.json"));
        Path broken = dir.resolve("broken");
        TestRepo.write(broken.resolve("p.idflow"), "policy \"p\"\nidentity x { kind workload owner nobody }\n");
        Run r = run("compile", broken.toString(), "--now", NOW, "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("error[IDF", "idflow: nothing written: error findings remain");
        assertThat(Files.readAllBytes(out.resolve("plan/lifecycle.json"))).isEqualTo(before);
        assertThat(out.resolve("opa")).doesNotExist();
    }

    @Test
    void compileUsageErrorsExitTwoInOneLine() throws Exception {
        Run target = run("compile", ACME, "--now", NOW, "-o", dir.resolve("o").toString(), "--target", "opa,azure");
        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).startsWith("idflow: unknown target `azure`: expected one of opa, ").endsWith("plan\n");
        assertThat(run("compile", ACME, "--now", "yesterday", "-o", dir.resolve("o").toString()).code()).isEqualTo(2);
        assertThat(run("compile", dir.resolve("missing").toString(), "-o", dir.resolve("o").toString()).code())
                .isEqualTo(2);
        Path foreign = dir.resolve("foreign");
        TestRepo.write(foreign.resolve("notes.txt"), "keep me\n");
        Run r = run("compile", ACME, "--now", NOW, "-o", foreign.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds no manifest.json").doesNotContain("\tat ");
        assertThat(foreign.resolve("notes.txt")).exists();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    static JsonNode query(String... extra) {
        String[] base = {"query", ACME, "--identity", "payments-api", "--credential", "s3-writer",
            "--action", "s3:PutObject", "--resource", "arn:aws:s3:::acme-payments/report.csv"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return Json.read(r.out());
    }

    @Test
    void queryPrintsTheDecisionAtTheEdgesOfValidity() {
        JsonNode before = query("--time", "2027-06-30T23:59:59Z");
        assertThat(before.toString())
                .isEqualTo("{\"allow\":true,\"reasons\":[\"granted\"],\"owner\":\"payments-team\",\"revoker\":\"aws-prod\"}");
        JsonNode at = query("--time", "2027-07-01T00:00:00Z");
        assertThat(at.get("allow").asBoolean()).isFalse();
        assertThat(at.get("reasons").toString()).isEqualTo("[\"credential-expired\",\"granted\"]");
    }

    @Test
    void queryDecidesExceptionsAtTheirStartAndEnd() {
        String alice = "user:alice@acme.example";
        assertThat(query("--principal", alice, "--time", "2026-11-29T09:59:59Z").get("reasons").toString())
                .isEqualTo("[\"exception-not-active\"]");
        assertThat(query("--principal", alice, "--time", "2026-11-29T10:00:00Z").get("allow").asBoolean()).isTrue();
        assertThat(query("--principal", alice, "--time", "2026-11-29T13:59:59Z").get("reasons").toString())
                .isEqualTo("[\"granted-by-exception:incident-4711\"]");
        assertThat(query("--principal", alice, "--time", "2026-11-29T14:00:00Z").get("allow").asBoolean()).isFalse();
        assertThat(query("--principal", "user:bob@acme.example", "--time", "2026-11-29T11:00:00Z").get("reasons")
                .toString()).isEqualTo("[\"not-granted\"]");
    }

    @Test
    void queryOnAnUnknownIdentityIsADenialNotAnError() {
        Run r = run("query", ACME, "--identity", "ghost", "--credential", "c", "--action", "a", "--resource", "r",
                "--time", NOW);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "allow": false,
                  "reasons": [
                    "unknown-credential"
                  ],
                  "owner": null,
                  "revoker": null
                }
                """);
    }

    @Test
    void queryBadInputExitsTwo() {
        Run time = run("query", ACME, "--identity", "i", "--credential", "c", "--action", "a", "--resource", "r",
                "--time", "tomorrow");
        assertThat(time.code()).isEqualTo(2);
        assertThat(time.err()).startsWith("idflow: invalid --time `tomorrow`");
        assertThat(run("query", ACME, "--credential", "c", "--action", "a", "--resource", "r").code()).isEqualTo(2);
        assertThat(run("query", dir.resolve("missing").toString(), "--identity", "i", "--credential", "c",
                "--action", "a", "--resource", "r").code()).isEqualTo(2);
        Path broken = dir.resolve("broken");
        TestRepo.write(broken.resolve("p.idflow"), "policy \"p\" {\n");
        assertThat(run("query", broken.toString(), "--identity", "i", "--credential", "c", "--action", "a",
                "--resource", "r").code()).isEqualTo(2);
    }
}
