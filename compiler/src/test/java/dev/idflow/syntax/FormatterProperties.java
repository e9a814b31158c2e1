package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.ModelText;
import dev.idflow.TestRepo;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code idflow fmt} only changes layout: over every sample policy and over generated policies
 * written in random layouts (random spaces, line breaks, {@code ;}, comments between any two
 * tokens, attributes in any order), formatting is idempotent, keeps every comment, and leaves
 * the resolved model and the findings as they were.
 */
class FormatterProperties {

    @Provide
    Arbitrary<Path> samples() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestRepo.samples())) {
            s.filter(Files::isDirectory).filter(FormatterProperties::isPolicyRoot).sorted().forEach(roots::add);
        }
        assertThat(roots).hasSizeGreaterThan(10);
        return Arbitraries.of(roots);
    }

    /** A folder with policy files whose parent has none: a policy of its own. */
    private static boolean isPolicyRoot(Path dir) {
        return hasPolicyFiles(dir) && !hasPolicyFiles(dir.getParent());
    }

    private static boolean hasPolicyFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".idflow"));
        } catch (IOException e) {
            return false;
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everySampleKeepsItsMeaning(@ForAll("samples") Path root) throws IOException {
        List<SourceFile> before = new ArrayList<>();
        List<SourceFile> after = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".idflow")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                SourceFile file = new SourceFile(name, Files.readAllBytes(p));
                Formatter.Result r = Formatter.format(file);
                before.add(file);
                after.add(r.ok() ? utf8(name, r.formatted()) : file);
                if (r.ok()) {
                    assertThat(Formatter.formatText(name, r.formatted())).as("idempotent on %s", p)
                            .isEqualTo(r.formatted());
                    assertThat(comments(r.formatted())).as("comments of %s", p).isEqualTo(comments(r.original()));
                }
            }
        }
        assertSameMeaning(before, after);
    }

    @Property(tries = 200)
    void generatedPoliciesInAnyLayoutKeepTheirMeaning(@ForAll long seed) {
        String text = Generated.policy(new Random(seed), 4);
        assertThat(TestRepo.checkText(text).hasLanguageErrors()).as("a valid generated policy:%n%s", text).isFalse();
        String formatted = Formatter.formatText("policy.idflow", text);
        assertThat(Formatter.formatText("policy.idflow", formatted)).isEqualTo(formatted);
        assertThat(comments(formatted)).isEqualTo(comments(text));
        assertSameMeaning(List.of(utf8("policy.idflow", text)), List.of(utf8("policy.idflow", formatted)));
    }

    private static void assertSameMeaning(List<SourceFile> before, List<SourceFile> after) {
        Analysis a = TestRepo.checkFiles(before);
        Analysis b = TestRepo.checkFiles(after);
        assertThat(ModelText.of(b.policy())).isEqualTo(ModelText.of(a.policy()));
        assertThat(findings(b)).isEqualTo(findings(a));
    }

    /** What the findings say, without where they stand. */
    private static List<String> findings(Analysis a) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : a.diagnostics()) {
            out.add(d.code() + " " + d.severity() + " " + d.subject() + " " + d.span().file());
        }
        Collections.sort(out);
        return out;
    }

    private static final Pattern COMMENT = Pattern.compile("(#|//)[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"");

    /** Every comment of a text, in order (strings are skipped: a {@code #} inside one is no comment). */
    static List<String> comments(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("\"")) {
                found.add(m.group().strip());
            }
        }
        Collections.sort(found);
        return found;
    }

    private static SourceFile utf8(String name, String text) {
        return new SourceFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
