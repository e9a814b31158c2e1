package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files of each cloud target for each sample, compared byte for byte with
 * {@code compiler/src/test/golden/cloud/SAMPLE/}, laid out as in the output folder;
 * {@code -Dgolden.update=true} rewrites them (and removes files no longer emitted).
 */
class CloudGoldenTest {

    static Stream<Arguments> cases() {
        return CloudSamples.NAMES.stream()
                .flatMap(s -> CloudEmitters.all().stream().map(e -> Arguments.of(s, e.target())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesGolden(String sample, String target) throws IOException {
        Emitter emitter = CloudEmitters.all().stream().filter(e -> e.target().equals(target)).findFirst().orElseThrow();
        Map<String, GeneratedFile> files = CloudSamples.emit(emitter, CloudSamples.input(sample));
        Path golden = TestRepo.root().resolve("compiler/src/test/golden/cloud").resolve(sample);
        Path dir = golden.resolve(target);
        assertThat(files.keySet()).allMatch(p -> p.startsWith(target + "/"));
        if (TestRepo.updateGolden()) {
            delete(dir);
            files.forEach((path, f) -> TestRepo.write(golden.resolve(path), f.text()));
        }
        assertThat(new TreeSet<>(files.keySet())).isEqualTo(new TreeSet<>(list(golden, dir)));
        for (GeneratedFile f : files.values()) {
            assertThat(f.text()).as(f.path()).isEqualTo(TestRepo.read(golden.resolve(f.path())));
        }
    }

    private static List<String> list(Path golden, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
