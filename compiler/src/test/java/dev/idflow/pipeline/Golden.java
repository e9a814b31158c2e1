package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.emit.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Byte-for-byte comparison of emitted files with an expected folder ({@code -Dgolden.update=true} rewrites it). */
final class Golden {

    private Golden() {
    }

    /** The manifest names the tool's version, which is not part of what a golden folder pins. */
    static byte[] normalized(GeneratedFile f) {
        if (!f.path().equals(Compiler.MANIFEST)) {
            return f.content();
        }
        return f.text().replace("\"version\": \"" + Version.get() + "\"", "\"version\": \"VERSION\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void compare(Path expected, List<GeneratedFile> files) {
        TreeMap<String, byte[]> actual = new TreeMap<>();
        files.forEach(f -> actual.put(f.path(), normalized(f)));
        try {
            if (TestRepo.updateGolden()) {
                if (Files.exists(expected)) {
                    try (Stream<Path> walk = Files.walk(expected)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                for (var e : actual.entrySet()) {
                    Path p = expected.resolve(e.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.getValue());
                }
                return;
            }
            TreeMap<String, byte[]> golden = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(expected)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    golden.put(expected.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            assertThat(actual.keySet()).as("files of " + expected).containsExactlyElementsOf(golden.keySet());
            for (var e : golden.entrySet()) {
                byte[] a = actual.get(e.getKey());
                if (e.getKey().endsWith(".gz")) {
                    assertThat(a).as(e.getKey()).isEqualTo(e.getValue());
                } else {
                    assertThat(new String(a, java.nio.charset.StandardCharsets.UTF_8)).as(e.getKey())
                            .isEqualTo(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(a).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
