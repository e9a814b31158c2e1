package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to a real policy (tokens deleted, duplicated or swapped, truncation, random
 * bytes) never throws, never hangs, and never yields a finding without a place.
 */
class ParserFuzzProperties {

    private static final String EXAMPLE = load();

    private static String load() {
        try (InputStream in = ParserFuzzProperties.class.getResourceAsStream("/language-example.idflow")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<String> TOKENS = List.of(EXAMPLE.split("(?<=\\s)|(?=\\s)"));

    enum Mutation { DELETE, DUPLICATE, SWAP, TRUNCATE, BYTES }

    record Edit(Mutation mutation, int at, int other, byte[] noise) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.of(Mutation.class),
                Arbitraries.integers().between(0, TOKENS.size() - 1),
                Arbitraries.integers().between(0, TOKENS.size() - 1),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void damagedPoliciesGiveLocatedFindingsNeverExceptions(@ForAll("edits") List<Edit> edits) {
        byte[] damaged = apply(edits);
        Analysis a = TestRepo.checkFiles(List.of(new SourceFile("fuzz.idflow", damaged)));
        for (Diagnostic d : a.diagnostics()) {
            assertThat(d.span().file()).isEqualTo("fuzz.idflow");
            assertThat(d.span().startLine()).isPositive();
            assertThat(d.span().startCol()).isPositive();
            assertThat(d.message()).isNotBlank();
            assertThat(d.code()).matches("IDF[0-9]{3}");
        }
    }

    private static byte[] apply(List<Edit> edits) {
        List<String> tokens = new ArrayList<>(TOKENS);
        byte[] tail = new byte[0];
        for (Edit e : edits) {
            int at = Math.min(e.at(), tokens.size() - 1);
            int other = Math.min(e.other(), tokens.size() - 1);
            if (tokens.isEmpty()) {
                break;
            }
            switch (e.mutation()) {
                case DELETE -> tokens.remove(at);
                case DUPLICATE -> tokens.add(at, tokens.get(at));
                case SWAP -> {
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case TRUNCATE -> tokens.subList(at, tokens.size()).clear();
                case BYTES -> tail = e.noise();
            }
        }
        byte[] text = String.join("", tokens).getBytes(StandardCharsets.UTF_8);
        if (tail.length == 0) {
            return text;
        }
        int cut = text.length / 2;
        byte[] out = Arrays.copyOf(text, text.length + tail.length);
        System.arraycopy(tail, 0, out, cut, tail.length);
        System.arraycopy(text, cut, out, cut + tail.length, text.length - cut);
        return out;
    }
}
