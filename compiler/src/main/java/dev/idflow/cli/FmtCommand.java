package dev.idflow.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.SourceException;
import dev.idflow.syntax.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idflow fmt}: rewrites policy files in the canonical layout. Only files that change
 * are written, each atomically (a temporary file in the same folder, then a rename). With
 * {@code --check} or {@code --diff} nothing is written and the exit code is 1 when a file
 * would change. A file with a syntax error is reported, left untouched, and makes the exit
 * code 1; the other files are still formatted.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Rewrite policy files in the canonical layout.")
final class FmtCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A policy folder (every *.idflow file under it) or one file (default: the current folder).")
    Path path;

    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any.")
    boolean check;

    @Option(names = "--diff", description = "Change nothing; print a unified diff and exit 1 if a file would change.")
    boolean diff;

    @Spec
    CommandSpec spec;

    /** A policy file as read: where it is on disk, how it is shown, its bytes. */
    private record Input(Path file, String shown, SourceFile source) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Input in : inputs(path == null ? Path.of(".") : path)) {
            Formatter.Result r = Formatter.format(in.source());
            if (!r.ok()) {
                for (Diagnostic d : r.errors()) {
                    err.println(in.shown() + ":" + d.span().startLine() + ":" + d.span().startCol() + ": "
                            + d.severity().word() + "[" + d.code() + "]: " + d.message());
                }
                failed = true;
            } else if (r.changed()) {
                if (diff) {
                    out.print(unifiedDiff(in.shown(), r.original(), r.formatted()));
                    failed = true;
                } else if (check) {
                    out.println(in.shown());
                    failed = true;
                } else {
                    write(in.file(), r.formatted());
                    out.println(in.shown());
                }
            }
        }
        out.flush();
        err.flush();
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static List<Input> inputs(Path target) {
        try {
            if (Files.isRegularFile(target)) {
                String shown = target.toString().replace('\\', '/');
                return List.of(new Input(target, shown, new SourceFile(shown, Files.readAllBytes(target))));
            }
            DirectorySource source = new DirectorySource(target);
            List<Input> inputs = new ArrayList<>();
            for (SourceFile f : source.files()) {
                inputs.add(new Input(source.root().resolve(f.path()), source.displayPrefix() + f.path(), f));
            }
            return inputs;
        } catch (SourceException | IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Replaces {@code file} by {@code text} in one rename, so that a reader never sees half a file. */
    private static void write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            keepPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A temporary file is private to its owner; the rewritten policy file keeps the original's permissions. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write already failed; that is the error worth reporting
        }
    }

    /** A unified diff with three lines of context and, for relative paths, git's {@code a/} and {@code b/} prefixes. */
    static String unifiedDiff(String shown, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        boolean absolute = shown.startsWith("/");
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(absolute ? shown : "a/" + shown,
                absolute ? shown : "b/" + shown, a,
                DiffUtils.diff(a, b), 3);
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
