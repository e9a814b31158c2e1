package dev.idflow.io;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of {@code schemas/}, which the build puts on the class path, and
 * validation against them (JSON Schema 2020-12, networknt).
 */
public final class Schemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> ENTRYWISE = new ConcurrentHashMap<>();
    /**
     * The schemas of the top-level maps that {@link #validateEntry} judges, by {@code NAME#MAP},
     * and of the items of the arrays that {@link #validateItem} judges, by {@code NAME#ARRAY[]}.
     */
    private static final Map<String, Schema> MAPS = new ConcurrentHashMap<>();
    /**
     * The keywords a schema's root may use for {@link #entrywise}: none of them relates one
     * entry of a top-level map to another, or to a top-level field.
     */
    private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id", "$comment", "title", "description",
            "type", "required", "additionalProperties", "properties", "$defs");
    /** The keywords of an array that judge each of its items on its own. */
    private static final Set<String> ITEM_KEYWORDS = Set.of("$comment", "title", "description", "type", "items");
    /** The keywords of a map that judge each of its entries on its own. */
    private static final Set<String> ENTRY_KEYWORDS = Set.of("$comment", "title", "description", "type",
            "additionalProperties", "propertyNames", "patternProperties");

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
        return lines(schema.validate(node), "");
    }

    /**
     * The problems of the entry {@code key: value} of the top-level map {@code map} of a
     * document of {@code schemas/NAME.schema.json}, as {@link #validate} reports them for a
     * document in which it is that map's only entry (locations from the document's root), but
     * judged by the map's own schema alone: where the schema judges each entry on its own
     * ({@link #entrywise}), that is the same verdict, without validating the rest of the
     * document again for each of a large map's entries.
     *
     * @throws IllegalArgumentException when the schema does not judge {@code map}'s entries one by one
     */
    public static List<String> validateEntry(String name, String map, String key, JsonNode value) {
        if (!entrywise(name, map)) {
            throw new IllegalArgumentException("schemas/" + name + ".schema.json does not judge the entries of `"
                    + map + "` one by one");
        }
        Schema schema = MAPS.computeIfAbsent(name + "#" + map, k -> CACHE.computeIfAbsent(name, Schemas::load)
                .getSubSchema(new NodePath(PathType.JSON_POINTER).append("properties").append(map)));
        ObjectNode alone = Json.object();
        alone.set(key, value);
        return lines(schema.validate(alone), "/" + map);
    }

    /**
     * The problems of {@code item}, one item of the top-level array {@code array} of a
     * document of {@code schemas/NAME.schema.json}, judged by the schema of that array's items
     * alone: where the schema judges each item on its own ({@link #itemwise}), a document is
     * valid exactly when its other fields are and each item is. Locations start at
     * {@code /ARRAY/[LABEL]}, the label standing for the item's index, which is not known yet.
     *
     * @throws IllegalArgumentException when the schema does not judge {@code array}'s items one by one
     */
    public static List<String> validateItem(String name, String array, JsonNode item, String label) {
        if (!itemwise(name, array)) {
            throw new IllegalArgumentException("schemas/" + name + ".schema.json does not judge the items of `"
                    + array + "` one by one");
        }
        Schema schema = MAPS.computeIfAbsent(name + "#" + array + "[]", k -> CACHE.computeIfAbsent(name, Schemas::load)
                .getSubSchema(new NodePath(PathType.JSON_POINTER).append("properties").append(array).append("items")));
        return lines(schema.validate(item), "/" + array + "/[" + label + "]");
    }

    /**
     * Whether {@code schemas/NAME.schema.json} judges each item of the top-level array
     * {@code property} on its own: the root as for {@link #entrywise}, and the array only
     * {@code type: array} and {@code items} (not {@code minItems}, {@code uniqueItems},
     * {@code contains} and the like).
     */
    public static boolean itemwise(String name, String property) {
        return ENTRYWISE.computeIfAbsent(name + "#" + property + "[]", k -> {
            JsonNode root = text(name);
            JsonNode array = root.path("properties").path(property);
            return array.isObject() && keywords(root, ROOT_KEYWORDS) && keywords(array, ITEM_KEYWORDS)
                    && "object".equals(root.path("type").asString(null))
                    && "array".equals(array.path("type").asString(null)) && array.has("items");
        });
    }

    /**
     * Whether {@code schemas/NAME.schema.json} judges each entry of the top-level map
     * {@code property} on its own, so that a document is valid exactly when it is valid with
     * each of that map's entries alone in the map: the root uses only keywords about its own
     * fields ({@code type}, {@code required}, {@code properties}, {@code additionalProperties}),
     * and the map only {@code type: object} and keywords applied entry by entry
     * ({@code additionalProperties}, {@code patternProperties}, {@code propertyNames}); not
     * {@code minProperties}, {@code required}, {@code $ref} and the like.
     */
    public static boolean entrywise(String name, String property) {
        return ENTRYWISE.computeIfAbsent(name + "#" + property, k -> {
            JsonNode root = text(name);
            JsonNode map = root.path("properties").path(property);
            return map.isObject() && keywords(root, ROOT_KEYWORDS) && keywords(map, ENTRY_KEYWORDS)
                    && "object".equals(root.path("type").asString(null))
                    && "object".equals(map.path("type").asString("object"));
        });
    }

    private static boolean keywords(JsonNode schema, Set<String> allowed) {
        return allowed.containsAll(schema.propertyNames());
    }

    /** The text of a schema as a tree. */
    private static JsonNode text(String name) {
        try (InputStream in = open(name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        String resource = "/dev/idflow/schemas/" + name + ".schema.json";
        InputStream in = Schemas.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no schema " + resource + " on the class path");
        }
        return in;
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
        List<String> path = new ArrayList<>();
        var location = e.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(String.valueOf(location.getElement(i)));
        }
        return new Problem(path, String.valueOf(e.getKeyword()), e.getProperty(), e.getMessage());
    }

    /**
     * The errors as {@code location: message} lines, each location after {@code prefix}. Most
     * validations find none: a large compile validates a hundred thousand parts, so the empty
     * answer costs nothing to make.
     */
    private static List<String> lines(List<Error> errors, String prefix) {
        if (errors.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(errors.size());
        for (Error e : errors) {
            lines.add(prefix + e.getInstanceLocation() + ": " + e.getMessage());
        }
        return lines;
    }

    private static Schema load(String name) {
        try (InputStream in = open(name)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
