package dev.idflow.source;

import dev.idflow.model.SourceFile;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.util.FS;

/**
 * Reads a policy from the tree of one revision of a Git repository, straight from its object
 * database with a {@link TreeWalk}: it works on bare repositories and on shallow clones where
 * the revision is present, and never reads or changes the working tree or the index (only
 * {@link Provenance#dirty()} looks at the working tree, to record whether it differs).
 *
 * <p>The revision is resolved once, when the source is opened, so every later read sees the
 * same commit even if the branch moves.
 */
public final class GitSource implements PolicySource {

    /** Larger blobs are refused outright; the parser reports anything over 16 MiB as IDF001. */
    private static final int MAX_BLOB_BYTES = 64 * 1024 * 1024;

    private final Path repository;
    private final String shownRepository;
    private final String ref;
    private final String folder;
    private final ObjectId commit;
    private final Instant commitTime;
    private final Boolean dirty;

    private GitSource(Path repository, String shownRepository, String ref, String folder, ObjectId commit,
            Instant commitTime, Boolean dirty) {
        this.repository = repository;
        this.shownRepository = shownRepository;
        this.ref = ref;
        this.folder = folder;
        this.commit = commit;
        this.commitTime = commitTime;
        this.dirty = dirty;
    }

    /**
     * Opens {@code ref} of the repository at {@code repository} (a working tree or a bare
     * repository), reading the policy under {@code folder} ({@code ""} or null for the root).
     *
     * @throws SourceException not a Git repository, unknown revision, bad folder
     */
    public static GitSource open(Path repository, String ref, String folder) throws SourceException {
        String inside = normalizeFolder(folder);
        try (Repository repo = openRepository(repository)) {
            ObjectId id = resolve(repo, repository, ref);
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit c = walk.parseCommit(id);
                Instant time = c.getCommitterIdent().getWhenAsInstant();
                return new GitSource(repository, shown(repo, repository), ref, inside, c.copy(), time,
                        dirty(repo));
            }
        } catch (IOException e) {
            throw new SourceException("cannot read Git repository " + repository + ": " + e.getMessage(), e);
        }
    }

    /** True when the commit has the policy folder (a base revision may predate the policy). */
    public boolean folderExists() throws SourceException {
        try (Repository repo = openRepository(repository); RevWalk walk = new RevWalk(repo)) {
            return folderTree(repo, walk) != null;
        } catch (IOException e) {
            throw new SourceException("cannot read Git repository " + repository + ": " + e.getMessage(), e);
        }
    }

    static Repository openRepository(Path path) throws SourceException {
        File dir = path.toFile();
        if (!dir.isDirectory()) {
            throw new SourceException("not a Git repository: " + path + " (no such folder)");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
            builder.setGitDir(dir);
        } else {
            builder.setWorkTree(dir);
        }
        try {
            return builder.build();
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw new SourceException("not a Git repository: " + path);
        } catch (IOException e) {
            throw new SourceException("not a Git repository: " + path + " (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectId resolve(Repository repo, Path path, String ref) throws SourceException {
        if (ref == null || ref.isBlank()) {
            throw new SourceException("no revision given for Git repository " + path);
        }
        try {
            ObjectId id = repo.resolve(ref + "^{commit}");
            if (id == null) {
                throw new SourceException("unknown revision `" + ref + "` in " + path);
            }
            return id;
        } catch (RevisionSyntaxException | IOException e) {
            throw new SourceException("unknown revision `" + ref + "` in " + path + ": " + e.getMessage(), e);
        }
    }

    /** The policy folder inside the repository, {@code /}-separated, without leading or trailing slash. */
    private static String normalizeFolder(String folder) throws SourceException {
        if (folder == null) {
            return "";
        }
        String f = folder.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : f.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new SourceException("policy folder `" + folder + "` must stay inside the repository");
            }
            parts.add(part);
        }
        if (f.startsWith("/")) {
            throw new SourceException("policy folder `" + folder + "` must be relative to the repository root");
        }
        return String.join("/", parts);
    }

    /**
     * The repository as it may be recorded: its {@code origin} URL without credentials when that
     * is not a local path, else the path as given when relative, else the folder's name.
     */
    private static String shown(Repository repo, Path given) {
        String url = repo.getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
        if (url != null && !isLocal(url)) {
            return withoutCredentials(url);
        }
        if (!given.isAbsolute()) {
            String s = given.normalize().toString().replace('\\', '/');
            return s.isEmpty() ? "." : s;
        }
        Path name = given.normalize().getFileName();
        return name == null ? "." : name.toString();
    }

    private static boolean isLocal(String url) {
        return url.startsWith("/") || url.startsWith("file:") || url.startsWith(".")
                || url.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static String withoutCredentials(String url) {
        try {
            URI u = new URI(url);
            if (u.getRawUserInfo() != null && u.getHost() != null) {
                String user = u.getRawUserInfo().split(":", 2)[0];
                boolean ssh = "ssh".equals(u.getScheme());
                return new URI(u.getScheme(), ssh ? user : null, u.getHost(), u.getPort(), u.getPath(),
                        u.getQuery(), null).toString();
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            return url; // scp-like syntax (git@host:path) carries no password
        }
    }

    private static Boolean dirty(Repository repo) {
        if (repo.isBare()) {
            return false;
        }
        try (Git git = new Git(repo)) {
            return !git.status().call().isClean();
        } catch (GitAPIException | RuntimeException e) {
            return null; // unknown: recorded as such rather than guessed
        }
    }

    @Override
    public List<SourceFile> files() throws SourceException {
        try (Repository repo = openRepository(repository); RevWalk walk = new RevWalk(repo)) {
            ObjectId tree = folderTree(repo, walk);
            if (tree == null) {
                throw new SourceException("no folder `" + folder + "` at revision `" + ref + "` ("
                        + commit.abbreviate(7).name() + ") of " + repository);
            }
            List<SourceFile> files = read(repo, tree);
            if (files.isEmpty()) {
                throw new SourceException("no *.idflow file under `" + (folder.isEmpty() ? "." : folder)
                        + "` at revision `" + ref + "` of " + repository);
            }
            return files;
        } catch (IOException e) {
            throw new SourceException("cannot read Git repository " + repository + ": " + e.getMessage(), e);
        }
    }

    /** The tree of the policy folder at the commit, or null when the commit has no such folder. */
    private ObjectId folderTree(Repository repo, RevWalk walk) throws IOException {
        RevCommit c = walk.parseCommit(commit);
        if (folder.isEmpty()) {
            return c.getTree();
        }
        try (TreeWalk tw = TreeWalk.forPath(repo, folder, c.getTree())) {
            if (tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
                return null;
            }
            return tw.getObjectId(0);
        }
    }

    private static List<SourceFile> read(Repository repo, ObjectId tree) throws IOException, SourceException {
        List<SourceFile> files = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            tw.setFilter(PathSuffixFilter.create(".idflow"));
            while (tw.next()) {
                int type = tw.getRawMode(0) & FileMode.TYPE_MASK;
                if (type != FileMode.TYPE_FILE || hidden(tw.getPathString())) {
                    continue; // symbolic links and submodules are not policy files
                }
                ObjectLoader loader = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > MAX_BLOB_BYTES) {
                    throw new SourceException("policy file " + tw.getPathString() + " is too large ("
                            + loader.getSize() + " bytes)");
                }
                files.add(new SourceFile(tw.getPathString(), loader.getBytes(MAX_BLOB_BYTES)));
            }
        }
        files.sort(Comparator.comparing(SourceFile::path));
        return files;
    }

    /** As for a folder, paths with a part starting with a dot are not part of the policy. */
    private static boolean hidden(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String displayPrefix() {
        return folder.isEmpty() ? "" : folder + "/";
    }

    @Override
    public Provenance provenance() {
        return new Provenance("git", shownRepository, ref, commit.name(), commitTime, dirty);
    }

    /** The full id of the commit read. */
    public String commit() {
        return commit.name();
    }

    /** The policy folder inside the repository ({@code ""} for the root). */
    public String folder() {
        return folder;
    }
}
