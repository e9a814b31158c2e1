package dev.idflow.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter handling of {@code idflow:check}: each bad value is one sentence naming the parameter. */
class CheckMojoTest {

    private static final Path SAMPLES = Path.of(System.getProperty("idflow.repoRoot", ".."))
            .resolve("samples/checks/IDF202");

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();
    private CheckMojo mojo;

    @BeforeEach
    void setUp() {
        mojo = new CheckMojo();
        mojo.setLog(new RecordingLog(log));
        mojo.basedir = project.toFile();
        mojo.policyDirectory = project.resolve("src/main/idflow").toFile();
        mojo.reportDirectory = project.resolve("target/idflow-reports").toFile();
        mojo.formats = List.of("text");
        mojo.now = "2026-11-29T08:00:00Z";
    }

    private void policy(String variant) throws IOException {
        Files.createDirectories(mojo.policyDirectory.toPath());
        Files.copy(SAMPLES.resolve(variant).resolve("policy.idflow"), mojo.policyDirectory.toPath().resolve("policy.idflow"));
    }

    @Test
    void passingPolicyLogsTheSummaryAndWritesTheJsonReport() throws Exception {
        policy("fixed");
        mojo.formats = List.of("text,json");
        mojo.execute();
        assertThat(log).containsExactly("info: idflow: 0 errors, 0 warnings, 0 infos in 1 file");
        String json = Files.readString(project.resolve("target/idflow-reports/idflow.json"));
        assertThat(json).contains("\"failed\": false").contains("\"now\": \"2026-11-29T08:00:00Z\"");
    }

    @Test
    void findingsAreProjectRelativeLinesAndTheFailureCountsThemAndNamesTheReports() throws Exception {
        policy("broken");
        mojo.formats = List.of("json");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("idflow: 2 errors, 0 warnings, 0 infos in 1 file (failOn error); the findings are listed"
                        + " above and in target/idflow-reports/idflow.json");
        assertThat(log).contains("error: src/main/idflow/policy.idflow:24:5: error[IDF202]: credential"
                + " `orders-api.db-password`: revoker `servicenow` cannot revoke; systems that can revoke here:"
                + " `vault-main`");
        assertThat(project.resolve("target/idflow-reports/idflow.json")).exists();
    }

    @Test
    void sarifJunitAndMarkdownAreWrittenAsTheCommandLineRendersThem() throws Exception {
        policy("broken");
        mojo.formats = List.of("sarif", "junit,markdown");
        mojo.failOn = "never";
        mojo.execute();
        Path reports = project.resolve("target/idflow-reports");
        assertThat(Files.readString(reports.resolve("idflow.sarif"))).contains("\"version\": \"2.1.0\"")
                .contains("\"ruleId\": \"IDF202\"").contains("\"uri\": \"src/main/idflow/policy.idflow\"");
        assertThat(Files.readString(reports.resolve("idflow.junit.xml"))).startsWith("<?xml").contains("IDF202");
        assertThat(Files.readString(reports.resolve("idflow.md"))).contains("IDF202");
    }

    @Test
    void failOnNeverPassesWhateverItFinds() throws Exception {
        policy("broken");
        mojo.failOn = "never";
        mojo.execute();
        assertThat(log).anyMatch(l -> l.startsWith("error: src/main/idflow/policy.idflow:36:5: error[IDF202]"));
    }

    @Test
    void badFailOnNamesTheParameterAndTheValue() throws Exception {
        policy("fixed");
        mojo.failOn = "sometimes";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("idflow: bad parameter failOn (idflow.failOn) = `sometimes`: expected error, warning or"
                        + " never");
    }

    @Test
    void malformedNowNamesTheParameter() throws Exception {
        policy("fixed");
        mojo.now = "yesterday";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("idflow: bad parameter now (idflow.now) = `yesterday`: expected an RFC 3339");
    }

    @Test
    void unknownFormatNamesTheParameter() throws Exception {
        policy("fixed");
        mojo.formats = List.of("text", "pdf");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("idflow: bad parameter formats (idflow.formats) = `pdf`: expected text, json, sarif,"
                        + " junit or markdown");
    }

    @Test
    void githubIsRefusedBeforeAnythingRunsBecauseMavenPrefixesEveryLine() throws Exception {
        policy("broken");
        mojo.formats = List.of("json,github");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("formats (idflow.formats) = `github`: workflow commands must start their line");
        assertThat(log).isEmpty();
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void missingPolicyFolderNamesTheParameter() {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("idflow: bad parameter policyDirectory (idflow.policyDirectory) ="
                        + " `src/main/idflow`: no such folder");
    }

    @Test
    void skipSaysSoInOneLineAndReadsNothing() throws Exception {
        mojo.skip = true;
        mojo.failOn = "sometimes";
        mojo.execute();
        assertThat(log).containsExactly("info: idflow: skipped (idflow.skip)");
    }

    @Test
    void theConfigurationFileNextToThePomGivesSeveritiesFailOnAndThePolicyFolder() throws Exception {
        Files.createDirectories(project.resolve("policies"));
        Files.copy(SAMPLES.resolve("broken/policy.idflow"), project.resolve("policies/policy.idflow"));
        Files.writeString(project.resolve("idflow.yaml"), "policy: policies\nfail-on: warning\nseverity:\n  IDF202: warning\n");
        mojo.policyDirectory = null;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("idflow: 0 errors, 2 warnings, 0 infos in 1 file (failOn warning)");
        assertThat(log).anyMatch(l -> l.startsWith("warn: policies/policy.idflow:24:5: warning[IDF202]"));
    }

    @Test
    void aParameterGivenWinsOverTheConfigurationFile() throws Exception {
        policy("broken");
        Files.writeString(project.resolve("idflow.yaml"), "policy: elsewhere\nfail-on: warning\nseverity:\n  IDF202: warning\n");
        mojo.failOn = "never";
        mojo.execute();
        assertThat(log).contains("info: idflow: 0 errors, 2 warnings, 0 infos in 1 file");
    }

    @Test
    void withoutAConfigurationFileThePolicyFolderIsSrcMainIdflow() throws Exception {
        policy("fixed");
        mojo.policyDirectory = null;
        mojo.execute();
        assertThat(log).containsExactly("info: idflow: 0 errors, 0 warnings, 0 infos in 1 file");
    }

    @Test
    void aConfigurationFileNamedButMissingNamesTheParameter() throws Exception {
        policy("fixed");
        mojo.configFile = project.resolve("conf/idflow.yaml").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("idflow: bad parameter configFile (idflow.configFile) = `conf/idflow.yaml`: no such file");
    }

    @Test
    void aBadConfigurationFileNamesTheParameterTheLineAndTheKey() throws Exception {
        policy("fixed");
        Files.writeString(project.resolve("idflow.yaml"), "fail-on: error\ncolour: blue\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("idflow: bad parameter configFile (idflow.configFile) = `idflow.yaml`: ")
                .hasMessageContaining(":2")
                .hasMessageContaining("colour");
    }
}
