package dev.idflow.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow:diff}: HEAD of the project's repository against {@code base}, failing on new findings. */
class DiffMojoTest {

    private static final Path SAMPLES = Path.of(System.getProperty("idflow.repoRoot", ".."))
            .resolve("samples/checks/IDF202");

    @TempDir
    Path repo;

    private final List<String> log = new ArrayList<>();
    private DiffMojo mojo;

    @BeforeEach
    void setUp() {
        mojo = new DiffMojo();
        mojo.setLog(new RecordingLog(log));
        mojo.basedir = repo.resolve("app").toFile();
        mojo.reportDirectory = repo.resolve("app/target/idflow-reports").toFile();
        mojo.formats = List.of("text");
        mojo.base = "HEAD~1";
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=idflow", "-c", "user.email=idflow@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** A repository whose first commit holds {@code first} and whose HEAD holds {@code second} under app/src/main/idflow. */
    private void history(String first, String second) throws Exception {
        Path policy = repo.resolve("app/src/main/idflow/policy.idflow");
        Files.createDirectories(policy.getParent());
        git("init", "-q");
        Files.copy(SAMPLES.resolve(first).resolve("policy.idflow"), policy);
        git("add", "-A");
        git("commit", "-q", "-m", "first");
        Files.copy(SAMPLES.resolve(second).resolve("policy.idflow"), policy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        git("commit", "-q", "-a", "-m", "second");
    }

    @Test
    void newFindingsFailTheBuildAndGoToTheReports() throws Exception {
        history("fixed", "broken");
        mojo.formats = List.of("sarif,markdown");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("idflow diff: 2 new findings since HEAD~1 (failOn error); the findings are listed above and"
                        + " in target/idflow-reports/idflow.sarif, target/idflow-reports/idflow.md");
        assertThat(log).contains("error: app/src/main/idflow/policy.idflow:24:5: error[IDF202]: credential"
                + " `orders-api.db-password`: revoker `servicenow` cannot revoke; systems that can revoke here:"
                + " `vault-main`");
        assertThat(log).anyMatch(l -> l.startsWith("info: idflow diff: 2 new, 0 fixed"));
        assertThat(Files.readString(repo.resolve("app/target/idflow-reports/idflow.sarif"))).contains("IDF202");
        assertThat(Files.readString(repo.resolve("app/target/idflow-reports/idflow.md"))).startsWith("## idflow diff: failed");
    }

    @Test
    void aFixPasses() throws Exception {
        history("broken", "fixed");
        mojo.execute();
        assertThat(log).anyMatch(l -> l.startsWith("info: idflow diff: 0 new, 2 fixed"));
        assertThat(log).noneMatch(l -> l.startsWith("error: "));
    }

    @Test
    void anUnknownBaseNamesTheParameter() throws Exception {
        history("fixed", "broken");
        mojo.base = "no-such-branch";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("idflow: bad parameter base (idflow.base) = `no-such-branch`: unknown revision");
    }

    @Test
    void withoutBaseTheParameterIsNamed() {
        mojo.base = null;
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("idflow: bad parameter base (idflow.base) = ``: required");
    }
}
