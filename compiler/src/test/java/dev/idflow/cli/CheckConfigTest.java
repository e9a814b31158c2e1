package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow check} with {@code idflow.yaml}: defaults from the file, options over the file. */
class CheckConfigTest {

    @TempDir
    Path dir;

    /** One warning (IDF304: the issuer cannot expire) and nothing else. */
    private static final String ONE_WARNING = """
            policy "p"
            system okta { kind idp can approve, provision, revoke }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            identity api {
              kind workload
              owner o
              token t { issuer okta ttl 1h }
            }
            """;

    private Path repo(String config) {
        TestRepo.write(dir.resolve("policies/policy.idflow"), ONE_WARNING);
        TestRepo.write(dir.resolve("idflow.yaml"), config);
        return dir.resolve("policies");
    }

    @Test
    void failOnAndSeverityComeFromTheFileNextToThePolicyFolder() {
        Path policies = repo("fail-on: warning\n");
        CliTest.Run r = CliTest.run("check", policies.toString(), "--now", "2026-11-29T08:00:00Z");
        assertThat(r.out()).contains("warning[IDF304]");
        assertThat(r.code()).isEqualTo(1);

        repo("fail-on: warning\nseverity:\n  IDF304: info\n");
        r = CliTest.run("check", policies.toString(), "--now", "2026-11-29T08:00:00Z");
        assertThat(r.out()).contains("info[IDF304]");
        assertThat(r.code()).isZero();
    }

    @Test
    void commandLineOptionsOverrideTheFile() {
        Path policies = repo("fail-on: warning\nnow: 2020-01-01T00:00:00Z\n");
        CliTest.Run r = CliTest.run("check", policies.toString(), "--fail-on", "error",
                "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isZero();
    }

    @Test
    void thePolicyFolderDefaultsToTheFilesPolicyKeyRelativeToTheFile() {
        repo("policy: policies\nseverity:\n  IDF304: error\n");
        CliTest.Run r = CliTest.run("check", "--config", dir.resolve("idflow.yaml").toString(),
                "--now", "2026-11-29T08:00:00Z");
        assertThat(r.out()).contains("error[IDF304]");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void aBadFileIsAnInputErrorOfOneLine() {
        Path policies = repo("fail-on: warning\nseverity:\n  IDF002: info\n");
        CliTest.Run r = CliTest.run("check", policies.toString(), "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("idflow.yaml:3: `severity.IDF002`: the severity of IDF002 cannot be changed");
    }
}
