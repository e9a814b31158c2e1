package dev.idflow.emit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of emitted files. Everything is written into a fresh folder beside OUT,
 * which then takes OUT's place by renaming; the previous OUT is deleted only after the new
 * one is complete and in place. A run that fails leaves OUT exactly as it was, and no file
 * of an earlier run survives a successful one.
 */
public final class OutputFolder {

    /** The file every idflow output folder holds; a non-empty folder without it is never replaced. */
    public static final String MARKER = "manifest.json";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private OutputFolder() {
    }

    /**
     * Replaces {@code out} with a folder holding exactly {@code files}.
     *
     * @throws OutputException when {@code out} cannot be replaced (not a folder, not an idflow output, I/O)
     */
    public static void replace(Path out, List<GeneratedFile> files) throws OutputException {
        try (Staging staging = stage(out)) {
            for (GeneratedFile f : files) {
                staging.write(f);
            }
            staging.commit();
        }
    }

    /**
     * A fresh folder beside {@code out} to write files into one by one, which
     * {@link Staging#commit} then puts in place of {@code out}; closing it uncommitted deletes
     * it and leaves {@code out} as it was.
     *
     * @throws OutputException when {@code out} cannot be replaced (not a folder, not an idflow output, I/O)
     */
    public static Staging stage(Path out) throws OutputException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException("cannot use the root folder as the output folder");
        }
        refuseForeign(target);
        try {
            Files.createDirectories(parent);
            Path fresh = sibling(target, "new");
            return new Staging(out, target, fresh);
        } catch (IOException e) {
            throw new OutputException("cannot create a folder beside " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder being written. {@link #write} may be called from several threads at once;
     * each folder is created and checked to lie inside the staging folder once, not once per
     * file (a large policy emits tens of thousands of files into a few folders).
     */
    public static final class Staging implements FileStore, AutoCloseable {

        private final Path out;
        private final Path target;
        private final Path root;
        private final Path realRoot;
        private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
        private volatile boolean committed;

        Staging(Path out, Path target, Path root) throws IOException {
            this.out = out;
            this.target = target;
            this.root = root;
            this.realRoot = root.toRealPath();
        }

        /**
         * Writes one file, refusing any path that would resolve outside the staging folder
         * and any path written before.
         *
         * @throws IllegalArgumentException for such a path (a bug in an emitter)
         * @throws OutputException when the file cannot be written
         */
        @Override
        public void write(GeneratedFile f) throws OutputException {
            Path p = destination(f.path());
            try {
                Files.write(p, f.unsafeBytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("two emitted files share the path " + f.path(), e);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /**
         * Creates one file to be written as it is made, with the same refusals as {@link #write};
         * the caller closes the stream.
         */
        @Override
        public OutputStream open(String path) throws OutputException {
            Path p = destination(path);
            try {
                return new BufferedOutputStream(
                        Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("two emitted files share the path " + path, e);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** A file written before, read back. */
        @Override
        public FileSink.Readback reread(String path) throws OutputException {
            Path p = inside(path);
            try {
                return new FileSink.Readback(Files.size(p), Files.newInputStream(p));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no file " + path + " was written", e);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Where the file {@code path} goes, its folder created and checked to lie inside the staging folder. */
        private Path destination(String path) throws OutputException {
            Path p = inside(path);
            Path folder = p.getParent();
            if (!checkedFolders.contains(folder)) {
                try {
                    Files.createDirectories(folder);
                    if (!folder.toRealPath().startsWith(realRoot)) {
                        throw new IllegalArgumentException("emitted path leaves the output folder: " + path);
                    }
                } catch (IOException e) {
                    throw failure(e);
                }
                checkedFolders.add(folder);
            }
            return p;
        }

        private Path inside(String path) {
            Path p = root.resolve(path).normalize();
            if (!p.startsWith(root) || p.equals(root)) {
                throw new IllegalArgumentException("emitted path leaves the output folder: " + path);
            }
            return p;
        }

        private OutputException failure(IOException e) {
            return new OutputException("cannot write " + out + ": " + e.getMessage(), e);
        }

        /** Puts the staging folder in place of OUT. */
        public void commit() throws OutputException {
            try {
                swap(root, target);
                committed = true;
            } catch (IOException e) {
                throw new OutputException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }

        /** Deletes the staging folder unless it was committed. */
        @Override
        public void close() {
            if (!committed) {
                deleteQuietly(root);
            }
        }
    }

    /** An existing OUT must be a folder that is empty or was written by idflow. */
    private static void refuseForeign(Path target) throws OutputException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("the output " + target.getFileName() + " exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            boolean empty = !entries.iterator().hasNext();
            if (!empty && !Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputException("the output folder " + target + " is not empty and holds no "
                        + MARKER + ": idflow replaces only its own output folders");
            }
        } catch (IOException e) {
            throw new OutputException("cannot read " + target + ": " + e.getMessage(), e);
        }
    }

    /** Puts {@code fresh} in place of {@code target}, restoring the previous folder if that fails. */
    private static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(fresh, target);
            return;
        }
        Path old = sibling(target, "old");
        Files.delete(old);
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteQuietly(old);
    }

    /**
     * A new empty hidden folder beside {@code target}, created with the default permissions
     * (a temporary folder would be private to its owner, and OUT would inherit that).
     */
    private static Path sibling(Path target, String role) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = target.resolveSibling("." + target.getFileName() + ".idflow-" + role + "-"
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes {@code root} and everything in it, best effort: a leftover hidden folder beside
     * OUT is harmless. One pass, each entry deleted as it is visited (no listing to sort, no
     * check before each delete): after a large compile this deletes tens of thousands of files.
     */
    static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteQuietlyOne(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    deleteQuietlyOne(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort, as above
        }
    }

    private static void deleteQuietlyOne(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            // best effort, as above
        }
    }
}
