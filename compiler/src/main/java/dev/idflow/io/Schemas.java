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
     * The problems of {@code node} against {@code schemas/NAME.schema.json}, as
     * {@code location: message} lines; empty when it is valid.
     */
    public static List<String> validate(String name, JsonNode node) {
        Schema schema = CACHE.computeIfAbsent(name, Schemas::load);
        return schema.validate(node).stream().map(Schemas::describe).toList();
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
