package dev.idflow.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link AwsPolicy#size} counts exactly the code points of {@link AwsPolicy#document} that are not white space. */
class AwsPolicyProperties {

    /** Any text: white space of every kind, control characters, quotes, backslashes, characters outside the BMP. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars(" \t\n\r\u000b\u000c\u001f\"\\\u00a0\u2028\u3000ab:*")
                        .ofMaxLength(12),
                Arbitraries.strings().withCharRange('\ud83d', '\ud83d').withCharRange('\ude00', '\ude4f')
                        .ofMaxLength(6));
    }

    @Provide
    Arbitrary<List<AwsPolicy.Statement>> statements() {
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 253_402_300_799L).map(Instant::ofEpochSecond)
                .injectNull(0.4);
        return Combinators.combine(texts(), texts().set().ofMaxSize(3), texts().set().ofMaxSize(3), times, times)
                .as((sid, actions, resources, from, until) ->
                        new AwsPolicy.Statement(sid, new TreeSet<>(actions), new TreeSet<>(resources), from, until))
                .list().ofMaxSize(4);
    }

    @Property(tries = 500)
    void sizeIsTheDocumentWithoutWhiteSpace(@ForAll("texts") String id,
            @ForAll("statements") List<AwsPolicy.Statement> statements, @ForAll boolean withId) {
        String doc = AwsPolicy.document(withId ? id : null, statements);
        long expected = doc.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertThat(AwsPolicy.size(withId ? id : null, statements)).isEqualTo(expected);
    }
}
