package dev.idflow.io;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of {@code schemas/}, which the build puts on the class path, and
 * validation against them (JSON Schema 2020-12, networknt).
 */
public final class Schemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /**
     * Loads {@code schemas/NAME.schema.json} (and with the first schema, the validator
     * itself, which takes half a second of a cold start) so that a later validation need not.
     */
    public static void preload(String name) {
        CACHE.computeIfAbsent(name, Schemas::load);
    }

    /**
     * The problems of {@code node} against {@code schemas/NAME.schema.json}, as
     * {@code location: message} lines; empty when it is valid.
     */
    public static List<String> validate(String name, JsonNode node) {
        Schema schema = CACHE.computeIfAbsent(name, Schemas::load);
        return schema.validate(node).stream().map(Schemas::describe).toList();
    }

    /**
     * One problem of an instance: where it is (the property names and indexes from the root),
     * the schema keyword that failed, the property it names (for {@code additionalProperties}),
     * and the validator's message.
     */
    public record Problem(List<String> path, String keyword, String property, String message) {
        public Problem {
            path = List.copyOf(path);
        }
    }

    /** The problems of {@code node} against {@code schemas/NAME.schema.json}, in the validator's order. */
    public static List<Problem> problems(String name, JsonNode node) {
        Schema schema = CACHE.computeIfAbsent(name, Schemas::load);
        return schema.validate(node).stream().map(Schemas::problem).toList();
    }

    private static Problem problem(Error e) {
        java.util.List<String> path = new java.util.ArrayList<>();
        var location = e.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(String.valueOf(location.getElement(i)));
        }
        return new Problem(path, String.valueOf(e.getKeyword()), e.getProperty(), e.getMessage());
    }

    private static String describe(Error e) {
        return e.getInstanceLocation() + ": " + e.getMessage();
    }

    private static Schema load(String name) {
        String resource = "/dev/idflow/schemas/" + name + ".schema.json";
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource + " on the class path");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
