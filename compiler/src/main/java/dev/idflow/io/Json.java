package dev.idflow.io;

import java.io.OutputStream;
import java.util.function.Consumer;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way idflow writes JSON: keys in insertion order, 2-space indent, {@code "key": value},
 * LF line ends and a final newline, UTF-8. Byte-identical for equal trees on every machine.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER;
    /** Compact, and nothing between root values: JSON terms amid other text. */
    private static final ObjectWriter COMPACT = MAPPER.writer().withRootValueSeparator((String) null);

    static {
        WRITER = MAPPER.writer().with(new CanonicalPrinter());
    }

    /**
     * Jackson's pretty printer with {@code ": "} between a key and its value, nothing inside
     * an empty object or array, and each line break with its indent written as one run of
     * ready-encoded bytes: the default indenter encodes its characters one by one at every line,
     * a tenth of the time it takes to write the plan of a large policy.
     */
    private static final class CanonicalPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private static final SerializableString NAME_VALUE = new SerializedString(": ");
        /** A line break and the indent of each level, ready-encoded, for the usual depths. */
        private static final SerializableString[] LINES = new SerializableString[16];
        private static final Indenter INDENTER = new Indenter() {
            @Override
            public void writeIndentation(JsonGenerator g, int level) {
                g.writeRaw(level < LINES.length ? LINES[level] : line(level));
            }

            @Override
            public boolean isInline() {
                return false;
            }
        };

        static {
            for (int level = 0; level < LINES.length; level++) {
                LINES[level] = line(level);
            }
        }

        CanonicalPrinter() {
            super(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
            indentObjectsWith(INDENTER);
            indentArraysWith(INDENTER);
        }

        private CanonicalPrinter(CanonicalPrinter base) {
            super(base);
        }

        private static SerializableString line(int level) {
            return new SerializedString("\n" + "  ".repeat(level));
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new CanonicalPrinter(this);
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(NAME_VALUE);
        }
    }

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The canonical text of {@code node}, with a final newline. */
    public static String write(JsonNode node) {
        return WRITER.writeValueAsString(node) + "\n";
    }

    /**
     * The canonical UTF-8 bytes of {@code node}, written directly (no intermediate string)
     * into growing segments that are joined once, final newline included.
     */
    public static byte[] bytes(JsonNode node) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            WRITER.writeValue(out, node);
            out.write('\n');
            return out.toByteArray();
        }
    }

    /**
     * A generator of the canonical text (as {@link #bytes}, without the final newline) into
     * {@code out}, for a document written piece by piece.
     */
    public static JsonGenerator generator(OutputStream out) {
        return WRITER.createGenerator(out, JsonEncoding.UTF8);
    }

    /**
     * A generator of compact UTF-8 JSON into {@code out} that writes nothing between root
     * values, so that {@link JsonGenerator#writeRaw(String) raw text} and JSON terms can be
     * mixed (a Rego file with JSON literals); escaping as in every other JSON idflow writes.
     */
    public static JsonGenerator compactGenerator(OutputStream out) {
        return COMPACT.createGenerator(out, JsonEncoding.UTF8);
    }

    /** The tree of the one JSON value that {@code writer} writes. */
    public static JsonNode tree(Consumer<JsonGenerator> writer) {
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator g = compactGenerator(bytes)) {
            writer.accept(g);
        }
        return MAPPER.readTree(bytes.toByteArray());
    }

    /** Reads JSON text (for tests and for validating what was written). */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
