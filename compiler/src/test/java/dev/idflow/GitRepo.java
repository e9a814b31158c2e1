package dev.idflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real temporary Git repository built with JGit, for the tests of the Git source and of {@code diff}. */
public final class GitRepo implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2026-11-28T12:00:00Z");

    private GitRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository with a working tree at {@code dir}, on branch {@code main}. */
    public static GitRepo init(Path dir) {
        try {
            return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Writes files (path -> text; null deletes) relative to the working tree. */
    public GitRepo write(Map<String, String> files) {
        files.forEach((path, text) -> {
            Path p = dir.resolve(path);
            try {
                if (text == null) {
                    Files.deleteIfExists(p);
                } else {
                    TestRepo.write(p, text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }

    public GitRepo write(String path, String text) {
        return write(java.util.Collections.singletonMap(path, text));
    }

    /** Stages everything (deletions too) and commits, one hour after the previous commit. */
    public RevCommit commit(String message) {
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent("Test", "test@idflow.example", clock, ZoneOffset.UTC);
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitRepo branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public GitRepo checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A bare clone of this repository at {@code target}; its branches are the remote's. */
    public Path bareClone(Path target) {
        try (Git clone = Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(target.toFile())
                .setBare(true).setCloneAllBranches(true).call()) {
            return target;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A non-bare clone; {@code origin/main} etc. are remote-tracking branches there. */
    public GitRepo cloneTo(Path target) {
        try {
            Git clone = Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(target.toFile()).call();
            return new GitRepo(clone, target);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    /** Deletes a folder tree (for tests that want to prove the working tree is not read). */
    public static void deleteTree(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
