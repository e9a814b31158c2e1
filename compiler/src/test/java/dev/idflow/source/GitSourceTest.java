package dev.idflow.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.GitRepo;
import dev.idflow.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git source reads revisions from the object database, never from the working tree. */
class GitSourceTest {

    @TempDir
    Path tmp;

    private GitRepo repo() {
        GitRepo r = GitRepo.init(tmp.resolve("work"));
        r.write(Map.of("policies/a.idflow", "policy \"one\"\n", "policies/sub/b.idflow", "owner o { contact \"x\" }\n",
                "policies/.hidden/c.idflow", "junk", "policies/notes.txt", "not policy", "README.md", "hi"));
        r.commit("first");
        r.write("policies/a.idflow", "policy \"two\"\n");
        r.commit("second");
        return r;
    }

    private static String text(SourceFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    @Test
    void readsEachRevisionFromTheObjectDatabase() throws Exception {
        try (GitRepo r = repo()) {
            r.write("policies/a.idflow", "policy \"uncommitted\"\n");
            GitSource head = GitSource.open(r.dir(), "HEAD", "policies");
            List<SourceFile> files = head.files();
            assertThat(files).extracting(SourceFile::path).containsExactly("a.idflow", "sub/b.idflow");
            assertThat(text(files.get(0))).isEqualTo("policy \"two\"\n");
            assertThat(text(GitSource.open(r.dir(), "HEAD~1", "policies").files().get(0)))
                    .isEqualTo("policy \"one\"\n");
            assertThat(head.displayPrefix()).isEqualTo("policies/");
            Provenance p = head.provenance();
            assertThat(p.kind()).isEqualTo("git");
            assertThat(p.ref()).isEqualTo("HEAD");
            assertThat(p.commit()).hasSize(40).isEqualTo(r.git().getRepository().resolve("HEAD").name());
            assertThat(p.commitTime()).isEqualTo(Instant.parse("2026-11-28T14:00:00Z"));
            assertThat(p.dirty()).isTrue();
            assertThat(p.repository()).isEqualTo("work").doesNotContain(tmp.toString());
        }
    }

    @Test
    void resolvesBranchesTagsAndShortIds() throws Exception {
        try (GitRepo r = repo()) {
            RevCommit first = r.git().log().call().iterator().next().getParent(0);
            r.git().tag().setName("v1").setObjectId(first).setAnnotated(true).setMessage("v1").call();
            r.branch("feature").write("policies/a.idflow", "policy \"feature\"\n").commit("feature");
            for (String rev : List.of("v1", first.name(), first.name().substring(0, 8), "main~1")) {
                assertThat(text(GitSource.open(r.dir(), rev, "policies").files().get(0))).as(rev)
                        .isEqualTo("policy \"one\"\n");
            }
            assertThat(text(GitSource.open(r.dir(), "feature", "policies").files().get(0)))
                    .isEqualTo("policy \"feature\"\n");
            assertThat(GitSource.open(r.dir(), "HEAD", "policies").provenance().dirty()).isFalse();
        }
    }

    @Test
    void worksOnABareCloneAndOnRemoteTrackingBranches() throws Exception {
        try (GitRepo r = repo()) {
            Path bare = r.bareClone(tmp.resolve("bare.git"));
            GitSource s = GitSource.open(bare, "main", "policies/");
            assertThat(s.files()).hasSize(2);
            assertThat(s.provenance().dirty()).isFalse();
            assertThat(s.provenance().repository()).isEqualTo("bare.git");
            try (GitRepo clone = r.cloneTo(tmp.resolve("clone"))) {
                GitRepo.deleteTree(clone.dir().resolve("policies"));
                GitSource remote = GitSource.open(clone.dir(), "origin/main", "policies");
                assertThat(remote.files()).hasSize(2);
                assertThat(remote.provenance().dirty()).isTrue();
            }
        }
    }

    @Test
    void recordsTheRemoteUrlWithoutCredentials() throws Exception {
        try (GitRepo r = repo()) {
            var config = r.git().getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://bot:s3cret@github.com/acme/policies.git");
            config.save();
            assertThat(GitSource.open(r.dir(), "HEAD", "policies").provenance().repository())
                    .isEqualTo("https://github.com/acme/policies.git");
        }
    }

    @Test
    void errorsAreOneClearLine() {
        try (GitRepo r = repo()) {
            assertThatThrownBy(() -> GitSource.open(tmp, "HEAD", "")).isInstanceOf(SourceException.class)
                    .hasMessage("not a Git repository: " + tmp);
            assertThatThrownBy(() -> GitSource.open(r.dir(), "nope", "policies"))
                    .hasMessage("unknown revision `nope` in " + r.dir());
            assertThatThrownBy(() -> GitSource.open(r.dir(), "HEAD", "nope").files())
                    .hasMessageStartingWith("no folder `nope` at revision `HEAD` (");
            assertThatThrownBy(() -> GitSource.open(r.dir(), "HEAD", "README.md").files())
                    .hasMessageStartingWith("no folder `README.md`");
            assertThatThrownBy(() -> GitSource.open(r.dir(), "HEAD", "../x"))
                    .hasMessageContaining("inside the repository");
        }
    }
}
