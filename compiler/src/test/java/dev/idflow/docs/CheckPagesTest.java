package dev.idflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.check.CheckPage;
import dev.idflow.check.RuleInfo;
import dev.idflow.check.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generator of {@code docs/checks/}: one page per code of {@link Rules} and an index, made
 * from the rule metadata and {@code samples/checks/IDFxxx/}. Each page must exist and equal what
 * the generator makes; {@code -Dgolden.update=true} (re)writes them and removes pages of codes
 * that no longer exist. After adding or merging rules:
 * {@code mvn -B -o -pl compiler test -Dtest=CheckPagesTest -Dgolden.update=true}.
 */
class CheckPagesTest {

    private static Path docs() {
        return TestRepo.root().resolve("docs/checks");
    }

    @TestFactory
    Stream<DynamicTest> everyCodeHasItsPage() {
        assertThat(Rules.all()).hasSizeGreaterThan(9);
        return Rules.all().stream().map(r -> DynamicTest.dynamicTest(r.code(),
                () -> golden(docs().resolve(r.code() + ".md"), page(r))));
    }

    @Test
    void theIndexListsEveryCode() {
        golden(docs().resolve("README.md"), CheckPage.index(Rules.all()));
    }

    @Test
    void noPageForACodeThatDoesNotExist() throws IOException {
        Set<String> stray = new TreeSet<>();
        if (Files.isDirectory(docs())) {
            try (Stream<Path> s = Files.list(docs())) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.matches("IDF[0-9]{3}\\.md"))
                        .filter(n -> Rules.get(n.substring(0, 6)) == null).forEach(stray::add);
            }
        }
        if (TestRepo.updateGolden()) {
            for (String name : stray) {
                Files.delete(docs().resolve(name));
            }
            stray.clear();
        }
        assertThat(stray).as("pages of codes that no rule has").isEmpty();
    }

    /** The page of one rule: its metadata, its sample files, and what idflow reports on the broken one. */
    static String page(RuleInfo rule) throws IOException {
        Path folder = TestRepo.samples().resolve("checks").resolve(rule.code());
        List<CheckPage.Example> broken = examples(folder, "broken");
        List<String> reported = new ArrayList<>();
        if (!broken.isEmpty()) {
            TestRepo.lines(TestRepo.check(folder.resolve("broken"))).stream()
                    .filter(l -> l.contains("[" + rule.code() + "]")).forEach(reported::add);
        }
        return CheckPage.markdown(rule, broken, reported, examples(folder, "fixed"));
    }

    private static List<CheckPage.Example> examples(Path folder, String which) throws IOException {
        Path dir = folder.resolve(which);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CheckPage.Example> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".idflow")).sorted().toList()) {
                out.add(new CheckPage.Example(which + "/" + dir.relativize(p).toString().replace('\\', '/'),
                        TestRepo.read(p)));
            }
        }
        return out;
    }

    private static void golden(Path file, String text) {
        if (TestRepo.updateGolden()) {
            TestRepo.write(file, text);
        }
        assertThat(file).as("generated page; create it with -Dgolden.update=true").exists();
        assertThat(TestRepo.read(file)).as("%s differs from what the generator makes", file).isEqualTo(text);
    }
}
