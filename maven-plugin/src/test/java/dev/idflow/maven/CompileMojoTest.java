package dev.idflow.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow:compile}: all or nothing, one line for what it wrote, and skipped when nothing changed. */
class CompileMojoTest {

    private static final Path SAMPLES = Path.of(System.getProperty("idflow.repoRoot", "..")).resolve("samples");
    private static final String UP_TO_DATE = "info: idflow: target/idflow is up to date: no input, configuration or"
            + " plugin version changed and nothing ended since the last compile";

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    private CompileMojo mojo(String now) {
        CompileMojo mojo = new CompileMojo();
        mojo.setLog(new RecordingLog(log));
        mojo.basedir = project.toFile();
        mojo.buildDirectory = project.resolve("target").toFile();
        mojo.outputDirectory = project.resolve("target/idflow").toFile();
        mojo.policyDirectory = SAMPLES.resolve("acme/policies").toFile();
        mojo.now = now;
        return mojo;
    }

    private List<String> written() throws Exception {
        try (Stream<Path> walk = Files.walk(project.resolve("target/idflow"))) {
            return walk.filter(Files::isRegularFile).map(p -> project.resolve("target/idflow").relativize(p).toString())
                    .sorted().toList();
        }
    }

    @Test
    void compilesEveryTargetThenSkipsWhileNothingChangesAndRunsAgainOnceTheExceptionEnds() throws Exception {
        mojo("2026-11-29T08:00:00Z").execute();
        assertThat(log).last().isEqualTo("info: idflow: wrote 13 files to target/idflow");
        assertThat(written()).contains("manifest.json", "opa/bundle.tar.gz", "aws/aws-prod/payments-api.json",
                "vault/vault-prod/policies/payments-api.hcl", "plan/lifecycle.json").hasSize(13);

        log.clear();
        mojo("2026-11-29T13:59:59Z").execute();
        assertThat(log).containsExactly(UP_TO_DATE);

        log.clear();
        mojo("2026-11-29T14:00:00Z").execute();
        assertThat(log).anyMatch(l -> l.startsWith("warn: ") && l.contains("warning[IDF404]"));
        assertThat(log).last().isEqualTo("info: idflow: wrote 13 files to target/idflow");
    }

    @Test
    void aChangedInputOrTargetCompilesAgain() throws Exception {
        Path policies = project.resolve("src/main/idflow");
        copy(SAMPLES.resolve("acme/policies"), policies);
        CompileMojo first = mojo("2026-11-29T08:00:00Z");
        first.policyDirectory = policies.toFile();
        first.execute();

        Files.writeString(policies.resolve("owners.idflow"), "\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
        log.clear();
        CompileMojo edited = mojo("2026-11-29T08:00:00Z");
        edited.policyDirectory = policies.toFile();
        edited.execute();
        assertThat(log).last().isEqualTo("info: idflow: wrote 13 files to target/idflow");

        log.clear();
        CompileMojo fewer = mojo("2026-11-29T08:00:00Z");
        fewer.policyDirectory = policies.toFile();
        fewer.targets = List.of("opa,vault");
        fewer.execute();
        assertThat(log).last().isEqualTo("info: idflow: wrote 9 files to target/idflow");
        assertThat(written()).noneMatch(p -> p.startsWith("aws/") || p.startsWith("plan/"));
    }

    @Test
    void theTargetsOfTheConfigurationFileAreUsedWhenTheParameterIsNotSet() throws Exception {
        Files.writeString(project.resolve("idflow.yaml"), "targets: [plan]\nnow: 2026-11-29T08:00:00Z\n");
        mojo(null).execute();
        assertThat(written()).containsExactly("manifest.json", "plan/lifecycle.json");
    }

    @Test
    void anErrorFindingFailsTheBuildAndWritesNothing() {
        CompileMojo mojo = mojo("2026-11-29T08:00:00Z");
        mojo.policyDirectory = SAMPLES.resolve("checks/IDF202/broken").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("idflow: 2 errors, 0 warnings, 0 infos in 1 file; nothing written to target/idflow, the"
                        + " findings are listed above");
        assertThat(log).anyMatch(l -> l.startsWith("error: ") && l.contains("error[IDF202]"));
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void anUnknownTargetNamesTheParameter() {
        CompileMojo mojo = mojo("2026-11-29T08:00:00Z");
        mojo.targets = List.of("opa", "azure");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("idflow: bad parameter targets (idflow.targets) = `opa,azure`: unknown target `azure`:"
                        + " expected one of opa, aws, gcp, vault, plan");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
