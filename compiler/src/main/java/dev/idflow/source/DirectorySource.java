package dev.idflow.source;

import dev.idflow.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads a policy from a folder on disk; symbolic links are not followed out of it. */
public final class DirectorySource implements PolicySource {

    private final Path root;
    private final String displayPrefix;

    /**
     * @param root the policy folder, as the user gave it
     * @param cwd the current folder, against which paths are shown
     */
    public DirectorySource(Path root, Path cwd) {
        this.root = root;
        this.displayPrefix = prefix(root, cwd);
    }

    public DirectorySource(Path root) {
        this(root, Path.of("").toAbsolutePath());
    }

    private static String prefix(Path root, Path cwd) {
        Path abs = root.toAbsolutePath().normalize();
        Path base = cwd.toAbsolutePath().normalize();
        String shown = abs.startsWith(base) ? base.relativize(abs).toString() : root.normalize().toString();
        shown = shown.replace('\\', '/');
        return shown.isEmpty() || shown.equals(".") ? "" : shown + "/";
    }

    @Override
    public List<SourceFile> files() throws SourceException {
        if (!Files.isDirectory(root)) {
            throw new SourceException(Files.exists(root) ? "not a folder: " + root : "no such folder: " + root);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(".idflow"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .sorted(Comparator.comparing(p -> logical(root.relativize(p))))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SourceException("cannot read " + root + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new SourceException("no *.idflow file under " + root);
        }
        List<SourceFile> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.add(new SourceFile(logical(root.relativize(p)), Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new SourceException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Folders such as {@code .git} are not part of the policy. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String logical(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    @Override
    public String displayPrefix() {
        return displayPrefix;
    }

    @Override
    public Provenance provenance() {
        return Provenance.directory();
    }

    public Path root() {
        return root;
    }
}
