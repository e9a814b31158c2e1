package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.GitRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow check --git REPO --ref REV}: spans relative to the repository root, clear errors. */
class CheckGitTest {

    @TempDir
    Path tmp;

    static final String POLICY = """
            policy "p"
            system okta { kind idp can approve, suspend }
            system erp { kind app can provision }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            identity api {
              kind workload
              owner o
              key k { issuer erp ttl 1h }
            }
            """;

    @Test
    void checksARevisionAndNamesFilesFromTheRepositoryRoot() {
        try (GitRepo r = GitRepo.init(tmp.resolve("repo"))) {
            r.write("policies/p.idflow", POLICY.replace("key k { issuer erp ttl 1h }",
                    "key k { issuer erp ttl 1h revoker okta }"));
            r.commit("good");
            r.write("policies/p.idflow", POLICY).commit("drop the revoker");
            r.write("policies/p.idflow", "garbage in the working tree");
            CliTest.Run head = CliTest.run("check", "policies", "--git", r.dir().toString(), "--ref", "HEAD");
            assertThat(head.code()).isEqualTo(1);
            assertThat(head.out()).startsWith("policies/p.idflow:9:7: error[IDF201]: ");
            CliTest.Run before = CliTest.run("check", "policies", "--git", r.dir().toString(), "--ref", "HEAD~1",
                    "--fail-on", "error");
            assertThat(before.out()).doesNotContain("IDF201");
        }
    }

    @Test
    void gitErrorsExitTwoWithOneLine() {
        try (GitRepo r = GitRepo.init(tmp.resolve("repo"))) {
            r.write("policies/p.idflow", POLICY).commit("one");
            CliTest.Run notRepo = CliTest.run("check", "--git", tmp.toString(), "--ref", "HEAD");
            assertThat(notRepo.code()).isEqualTo(2);
            assertThat(notRepo.err()).isEqualTo("idflow: not a Git repository: " + tmp + "\n");
            CliTest.Run unknown = CliTest.run("check", "--git", r.dir().toString(), "--ref", "nope");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err()).hasLineCount(1).contains("unknown revision `nope`");
            CliTest.Run absent = CliTest.run("check", "elsewhere", "--git", r.dir().toString(), "--ref", "HEAD");
            assertThat(absent.code()).isEqualTo(2);
            assertThat(absent.err()).hasLineCount(1).contains("no folder `elsewhere` at revision `HEAD`");
            assertThat(CliTest.run("check", "--ref", "HEAD").code()).isEqualTo(2);
        }
    }
}
