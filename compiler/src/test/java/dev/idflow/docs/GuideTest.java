package dev.idflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.check.CheckSettings;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.report.TextReport;
import dev.idflow.source.Provenance;
import dev.idflow.syntax.Formatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/guide.md} teaches with one growing policy: each {@code idflow} block is a file of
 * it (its first line, {@code # path}, names the file). The blocks are added one after the
 * other and the policy must stay free of language errors (IDF0xx) at every step; each block is
 * already in the canonical layout of {@code idflow fmt}; and each {@code text} block that starts
 * with {@code $ idflow check policies} shows exactly what {@code idflow check} prints at that
 * point (rewritten with {@code -Dgolden.update=true}).
 */
class GuideTest {

    private static final Pattern BLOCK = Pattern.compile("```(idflow|text)\\n(.*?)```", Pattern.DOTALL);
    private static final String CHECK = "$ idflow check policies\n";

    @Test
    void everyExampleCompilesAndEveryOutputIsReal() {
        Path guide = TestRepo.root().resolve("docs/guide.md");
        String text = TestRepo.read(guide);
        List<SourceFile> files = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        Matcher m = BLOCK.matcher(text);
        int last = 0;
        int examples = 0;
        int outputs = 0;
        while (m.find()) {
            rewritten.append(text, last, m.start());
            last = m.end();
            String body = m.group(2);
            if (m.group(1).equals("idflow")) {
                examples++;
                String name = body.lines().findFirst().orElse("").replaceFirst("^# ", "");
                assertThat(name).as("the first line of an example names its file").matches("[a-z/]+\\.idflow");
                assertThat(files).extracting(SourceFile::path).as("file names").doesNotContain(name);
                assertThat(Formatter.formatText(name, body)).as("%s in the layout of idflow fmt", name).isEqualTo(body);
                files.add(new SourceFile(name, body.getBytes(StandardCharsets.UTF_8)));
                Analysis a = analyze(files);
                assertThat(a.diagnostics()).filteredOn(Diagnostic::isLanguageError)
                        .as("language errors after adding %s", name).isEmpty();
                rewritten.append(m.group());
            } else if (body.startsWith(CHECK)) {
                outputs++;
                String actual = CHECK + new TextReport(false).render(analyze(files));
                if (!TestRepo.updateGolden()) {
                    assertThat(body).as("the output shown after example %d", examples).isEqualTo(actual);
                }
                rewritten.append("```text\n").append(actual).append("```");
            } else {
                rewritten.append(m.group());
            }
        }
        rewritten.append(text.substring(last));
        if (TestRepo.updateGolden()) {
            TestRepo.write(guide, rewritten.toString());
        }
        assertThat(examples).as("idflow examples in the guide").isGreaterThanOrEqualTo(8);
        assertThat(outputs).as("check outputs in the guide").isGreaterThanOrEqualTo(2);
        assertThat(analyze(files).policy().exceptions()).containsKey("incident-4711");
        assertThat(analyze(files).policy().delegations()).containsKey("payments-sandbox");
    }

    private static Analysis analyze(List<SourceFile> files) {
        return Analyzer.analyze(files, CheckSettings.at(TestRepo.NOW), "policies/", Provenance.directory());
    }
}
