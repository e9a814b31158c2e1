package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One golden test per diagnostic code: {@code samples/checks/IDFxxx/broken} gives exactly
 * the lines of {@code expected.txt}; the findings of that code stand exactly on the lines
 * marked {@code # expect: IDFxxx}; {@code fixed} gives no finding of that code.
 * {@code -Dgolden.update=true} rewrites {@code expected.txt}, to be reviewed like code.
 */
class GoldenChecksTest {

    private static final Pattern MARKER = Pattern.compile("expect:\\s*((?:IDF[0-9]{3}[ ,]*)+)");

    @TestFactory
    Stream<DynamicTest> everyCodeFolder() throws IOException {
        Path checks = TestRepo.samples().resolve("checks");
        List<Path> folders;
        try (Stream<Path> s = Files.list(checks)) {
            folders = s.filter(p -> p.getFileName().toString().matches("IDF[0-9]{3}")).sorted().toList();
        }
        assertThat(folders).isNotEmpty();
        return folders.stream()
                .filter(GoldenChecksTest::everyRuleItUsesIsRegistered)
                .flatMap(f -> Stream.of(
                        DynamicTest.dynamicTest(f.getFileName() + " broken", () -> broken(f)),
                        DynamicTest.dynamicTest(f.getFileName() + " fixed", () -> fixed(f))));
    }

    private static final Pattern WAIVED = Pattern.compile("waive\\s+(IDF[0-9]{3})");

    /**
     * A folder runs once its own rule and every rule its policies waive are registered (a
     * waiver sample depends on the rule it waives). {@code RuleMetadataTest} asserts that every
     * code of CHECKS.md is registered, so in the end no folder is left out.
     */
    private static boolean everyRuleItUsesIsRegistered(Path folder) {
        Set<String> codes = new TreeSet<>();
        codes.add(folder.getFileName().toString());
        try (Stream<Path> s = Files.walk(folder.resolve("broken"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".idflow")).toList()) {
                Matcher m = WAIVED.matcher(TestRepo.read(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return codes.stream().filter(c -> !c.startsWith("IDF0")).allMatch(c -> Rules.get(c) != null)
                && Rules.get(folder.getFileName().toString()) != null;
    }

    private static void broken(Path folder) throws IOException {
        String code = folder.getFileName().toString();
        Analysis a = TestRepo.check(folder.resolve("broken"));
        assertThat(markedLines(folder.resolve("broken"), code))
                .as("lines marked `# expect: %s` vs lines where %s findings start", code, code)
                .isEqualTo(findingLines(a, code));
        Path expected = folder.resolve("expected.txt");
        String actual = TestRepo.joinLines(TestRepo.lines(a));
        if (TestRepo.updateGolden()) {
            TestRepo.write(expected, actual);
        }
        assertThat(expected).as("golden file; create it with -Dgolden.update=true and review it").exists();
        assertThat(actual).isEqualTo(TestRepo.read(expected));
    }

    private static void fixed(Path folder) {
        String code = folder.getFileName().toString();
        Analysis a = TestRepo.check(folder.resolve("fixed"));
        assertThat(a.diagnostics()).filteredOn(d -> d.code().equals(code))
                .as("the fixed policy of %s", code).isEmpty();
    }

    private static Set<String> findingLines(Analysis a, String code) {
        Set<String> lines = new TreeSet<>();
        for (Diagnostic d : a.diagnostics()) {
            if (d.code().equals(code)) {
                lines.add(d.span().file() + ":" + d.span().startLine());
            }
        }
        return lines;
    }

    private static Set<String> markedLines(Path dir, String code) throws IOException {
        Set<String> lines = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".idflow")).sorted().toList();
        }
        for (Path f : files) {
            List<String> text = new ArrayList<>(List.of(TestRepo.read(f).split("\n", -1)));
            for (int i = 0; i < text.size(); i++) {
                Matcher m = MARKER.matcher(text.get(i));
                if (m.find() && m.group(1).contains(code)) {
                    lines.add(dir.relativize(f).toString().replace('\\', '/') + ":" + (i + 1));
                }
            }
        }
        return lines;
    }
}
