package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The command line as a user meets it: exit codes, formats, one-line errors. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path policy(String text) {
        TestRepo.write(dir.resolve("policy.idflow"), text);
        return dir;
    }

    private static final String CLEAN = """
            policy "p"
            system okta { kind idp can approve }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            """;

    @Test
    void cleanPolicyExitsZero() {
        Run r = run("check", policy(CLEAN).toString(), "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("idflow: 0 errors, 0 warnings, 0 infos in 1 file\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void typoInASystemNameIsOneIdf003WithDidYouMean() {
        Path p = policy(CLEAN + """
                identity api {
                  kind workload
                  owner o
                  token t { issuer otka ttl 1h }
                }
                """);
        Run r = run("check", p.toString(), "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(p + "/policy.idflow:8:20: error[IDF003]: unknown system `otka`\n"
                + "    8 |   token t { issuer otka ttl 1h }\n"
                + "      |                    ^^^^\n"
                + "      = help: did you mean `okta`?\n");
        assertThat(r.out()).endsWith("idflow: 1 error, 0 warnings, 0 infos in 1 file\n");
    }

    @Test
    void failOnNeverExitsZeroWhateverItFound() {
        Path p = policy("policy \"p\" system s { }");
        assertThat(run("check", p.toString(), "--fail-on", "never").code()).isZero();
        assertThat(run("check", p.toString(), "--fail-on", "error").code()).isEqualTo(1);
    }

    @Test
    void jsonOutputIsValidAgainstItsSchema() {
        Path p = policy("policy \"p\"\nsystem s { kind nope }\n");
        Run r = run("check", p.toString(), "--format", "json", "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = Json.read(r.out());
        assertThat(Schemas.validate("diagnostics", json)).isEmpty();
        assertThat(json.get("findings").get(0).get("code").asString()).isEqualTo("IDF005");
        assertThat(json.get("findings").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("now").asString()).isEqualTo("2026-11-29T08:00:00Z");
    }

    @Test
    void severalFormatsGoToStdoutInOrder() {
        Path p = policy(CLEAN);
        Run r = run("check", p.toString(), "--format", "json,text");
        assertThat(r.out()).startsWith("{").endsWith("in 1 file\n");
    }

    @Test
    void inputErrorsExitTwoWithOneLine() {
        Run missing = run("check", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("idflow: no such folder").doesNotContain("Exception").hasLineCount(1);

        Run empty = run("check", dir.toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no *.idflow file");

        Run badNow = run("check", policy(CLEAN).toString(), "--now", "yesterday");
        assertThat(badNow.code()).isEqualTo(2);
        assertThat(badNow.err()).contains("invalid --now `yesterday`");

        Run badFormat = run("check", policy(CLEAN).toString(), "--format", "xml");
        assertThat(badFormat.code()).isEqualTo(2);

        Run badOption = run("check", "--frobnicate");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option");
    }

    /** A run of one subcommand builds that one alone; help, and anything else, builds them all. */
    @Test
    void onlyTheSubcommandRunIsBuilt() {
        PrintWriter none = new PrintWriter(new StringWriter());
        String[] all = {"check", "compile", "query", "diff", "explain", "fmt", "graph", "help"};
        assertThat(Main.commandLine(none, none, new String[] {"compile", "-o", "x"}).getSubcommands())
                .containsOnlyKeys("compile");
        assertThat(Main.commandLine(none, none, new String[] {"help", "compile"}).getSubcommands())
                .containsOnlyKeys(all);
        assertThat(Main.commandLine(none, none, new String[] {"--version"}).getSubcommands()).containsOnlyKeys(all);
        assertThat(Main.commandLine(none, none, new String[] {"chek"}).getSubcommands()).containsOnlyKeys(all);
        assertThat(Main.commandLine(none, none).getSubcommands().keySet()).containsExactly(all);
    }

    @Test
    void aBugExitsThreeWithAShortReport() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        cl.addSubcommand("boom", new Boom());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("boom");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).startsWith("idflow: internal error").contains("Please report it");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("deliberate");
        }
    }

    @Test
    void explainPrintsTheRule() {
        Run r = run("explain", "IDF003");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("IDF003: Reference names nothing\nseverity: error");
        Run unknown = run("explain", "IDF999");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown diagnostic code");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version").out()).startsWith("idflow ");
        Run help = run("check", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--fail-on");
    }

    @Test
    void textHasNoColourWhenNotATerminal() throws Exception {
        Path p = policy("policy \"p\" system s { }");
        assertThat(run("check", p.toString()).out()).doesNotContain("\u001b[");
        assertThat(Files.exists(p)).isTrue();
    }
}
