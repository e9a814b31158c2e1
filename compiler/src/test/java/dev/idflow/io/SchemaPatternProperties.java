package dev.idflow.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The output schemas write some of their rules for speed (a character class the JDK's engine
 * checks with one test per character, runs that need no backtracking, a type list instead of a
 * {@code oneOf} whose failed branch builds an error); these properties hold them, through the
 * validator itself, to the plain rules they stand for: a name of the language,
 * {@code [A-Za-z_][A-Za-z0-9_-]*}; an anchored regular expression, {@code (?s)^}, anything,
 * then {@code \z}; an end, a time or null.
 */
class SchemaPatternProperties {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final String PREFIX = "(?s)^";
    private static final String SUFFIX = "\\z";

    /** Characters that matter to either pattern, a newline and a character outside the BMP among them. */
    private static final List<String> PIECES = List.of("a", "Z", "_", "-", "0", ".", "\\", "z", "(", "?", "s", ")",
            "^", "*", "\n", "\r", " ", "é", "\uD83D\uDE00", "$");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(PIECES).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> regexes() {
        Arbitrary<String> body = Arbitraries.of(PIECES).list().ofMaxSize(10).map(l -> String.join("", l));
        Arbitrary<String> start = Arbitraries.of("", PREFIX, "(?s)", "x" + PREFIX, PREFIX + "\\");
        Arbitrary<String> end = Arbitraries.of("", SUFFIX, "\\", "z", SUFFIX + "\n", SUFFIX + "x", "\\\\z");
        return Combinators.combine(start, body, end).as((s, b, e) -> s + b + e);
    }

    @Provide
    Arbitrary<JsonNode> ends() {
        JsonNodeFactory nodes = Json.mapper().getNodeFactory();
        Arbitrary<JsonNode> times = Arbitraries.of("2027-06-30T23:59:59Z", "2027-06-30T23:59:59", "2027-06-30",
                "2027-06-30T23:59:59.5Z", "2027-6-30T23:59:59Z", "x2027-06-30T23:59:59Z", "2027-06-30T23:59:59Z\n", "")
                .map(nodes::stringNode);
        Arbitrary<JsonNode> others = Arbitraries.of(nodes.nullNode(), nodes.numberNode(1_700_000_000),
                nodes.booleanNode(false), Json.array(), Json.object());
        return Arbitraries.oneOf(times, others);
    }

    @Property(tries = 500)
    void anEndIsValidExactlyWhenItIsATimeOrNull(@ForAll("ends") JsonNode end) {
        ObjectNode identity = identity();
        identity.set("not_after", end);
        assertThat(valid("identities", "a", identity))
                .isEqualTo(end.isNull() || end.isString() && TIME.matcher(end.asString()).matches());
    }

    @Example
    void thePlanJudgesEndsByTheSameRule() {
        JsonNode data = Json.read(text("opa-data")).path("$defs").path("end");
        JsonNode plan = Json.read(text("plan-lifecycle"));
        assertThat(plan.path("$defs").path("end")).isEqualTo(data);
        assertThat(plan.path("$defs").path("identity").path("properties").path("not_after").path("$ref").asString())
                .isEqualTo("#/$defs/end");
        assertThat(plan.path("$defs").path("exception").path("properties").path("until").path("$ref").asString())
                .isEqualTo("#/$defs/end");
    }

    private static String text(String schema) {
        try (InputStream in = SchemaPatternProperties.class.getResourceAsStream(
                "/dev/idflow/schemas/" + schema + ".schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 3000)
    void anIdentityNameIsValidExactlyWhenItIsANameOfTheLanguage(@ForAll("names") String name) {
        assertThat(valid("identities", name, identity())).isEqualTo(NAME.matcher(name).matches());
    }

    @Property(tries = 3000)
    void aGrantPatternIsValidExactlyWhenItIsAnchoredRegex(@ForAll("regexes") String regex) {
        assertThat(valid("credentials", "a.b", credential(regex)))
                .isEqualTo(regex.startsWith(PREFIX) && regex.endsWith(SUFFIX)
                        && regex.length() >= PREFIX.length() + SUFFIX.length());
    }

    @Example
    void theShortestAnchoredRegexAndOneWithLinesAreValid() {
        assertThat(valid("credentials", "a.b", credential(PREFIX + SUFFIX))).isTrue();
        assertThat(valid("credentials", "a.b", credential(PREFIX + "a\nb\\.\\\\" + SUFFIX))).isTrue();
        assertThat(valid("credentials", "a.b", credential(PREFIX + "\\"))).isFalse();
    }

    private static boolean valid(String map, String key, JsonNode value) {
        return Schemas.validateEntry("opa-data", map, key, value).isEmpty();
    }

    private static ObjectNode identity() {
        ObjectNode i = Json.object();
        i.put("kind", "workload");
        i.put("owner", "team");
        i.putNull("env");
        i.putNull("not_after");
        return i;
    }

    private static ObjectNode credential(String regex) {
        ObjectNode c = Json.object();
        c.put("identity", "a");
        c.put("type", "token");
        c.put("issuer", "vault");
        c.put("revoker", "vault");
        c.put("monitor", false);
        c.putNull("not_after");
        c.putNull("ttl_seconds");
        ObjectNode g = c.putArray("grants").addObject();
        g.putArray("actions").add("read");
        g.putArray("resources").add("x");
        g.putArray("action_patterns").add(regex);
        g.putArray("resource_patterns").add(regex);
        return c;
    }
}
