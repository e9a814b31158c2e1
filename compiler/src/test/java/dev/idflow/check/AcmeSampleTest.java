package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/acme} is the specification's whole example: at the reference "now" it has no
 * error and exactly the warnings that the {@code # expected warnings:} comment of each file
 * predicts; once its break-glass window is over, the exception gives IDF404.
 */
class AcmeSampleTest {

    private static final Path POLICIES = TestRepo.samples().resolve("acme/policies");
    /** {@code #   IDF303 warning  what it is about}, below an {@code # expected warnings:} header. */
    private static final Pattern PREDICTION = Pattern.compile("^#\\s+(IDF[0-9]{3})\\s+warning\\b");

    @Test
    void noErrorAndExactlyThePredictedWarnings() throws Exception {
        Analysis a = TestRepo.check(POLICIES);

        assertThat(a.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        List<String> predicted = predictions();
        assertThat(predicted).as("the comments predict some warnings").isNotEmpty();
        assertThat(warnings(a)).containsExactlyInAnyOrderElementsOf(predicted.stream()
                .filter(p -> Rules.get(p.substring(p.indexOf(' ') + 1)) != null).toList());
    }

    @Test
    void theBreakGlassExceptionEndsAfterItsWindow() throws Exception {
        Instant afterWindow = Instant.parse("2026-11-29T14:00:00Z");
        Analysis during = Analyzer.analyze(new DirectorySource(POLICIES, POLICIES),
                CheckSettings.at(afterWindow.minusSeconds(1)));
        Analysis after = Analyzer.analyze(new DirectorySource(POLICIES, POLICIES), CheckSettings.at(afterWindow));

        assertThat(during.diagnostics()).noneMatch(d -> d.code().equals("IDF404"));
        assertThat(after.diagnostics()).filteredOn(d -> d.code().equals("IDF404"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.span().file()).isEqualTo("exceptions.idflow");
                    assertThat(d.severity()).isEqualTo(Severity.WARNING);
                    assertThat(d.message()).contains("`incident-4711`", "2026-11-29T14:00:00Z");
                });
    }

    /** Every warning as {@code file CODE}. */
    private static List<String> warnings(Analysis a) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : a.diagnostics()) {
            if (d.severity() == Severity.WARNING) {
                out.add(d.span().file() + " " + d.code());
            }
        }
        return out;
    }

    /** Every predicted warning as {@code file CODE}, from the leading comment block of each file. */
    private static List<String> predictions() throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(POLICIES)) {
            files = s.filter(p -> p.toString().endsWith(".idflow")).sorted().toList();
        }
        for (Path f : files) {
            String name = POLICIES.relativize(f).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(f);
            assertThat(lines.get(0)).as("%s starts with its prediction", name).startsWith("# expected warnings:");
            for (String line : lines.subList(1, lines.size())) {
                if (!line.startsWith("#")) {
                    break;
                }
                Matcher m = PREDICTION.matcher(line);
                if (m.find()) {
                    out.add(name + " " + m.group(1));
                }
            }
        }
        return out;
    }
}
