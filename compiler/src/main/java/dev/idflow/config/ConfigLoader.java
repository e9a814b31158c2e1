package dev.idflow.config;

import dev.idflow.io.Schemas;
import dev.idflow.model.diag.Codes;
import dev.idflow.model.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds, reads and validates {@code idflow.yaml}: YAML read with snakeyaml-engine (keeping
 * the line of every key), then checked against {@code schemas/idflow-config.schema.json}.
 * Every problem is a {@link ConfigException} naming the file, the line, the key and what
 * was expected.
 */
public final class ConfigLoader {

    /** The name of the configuration file that is looked up next to the policy. */
    public static final String FILE_NAME = "idflow.yaml";
    private static final int MAX_BYTES = 1 << 20;

    /** What each top-level key expects, in the words of the error messages. */
    private static final Map<String, String> EXPECTED = expected();

    private ConfigLoader() {
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policy", "a folder path (a string)");
        m.put("output", "a folder path (a string)");
        m.put("targets", "a list of opa, aws, gcp, vault, plan (each at most once)");
        m.put("now", "commit, wall or an RFC 3339 timestamp such as 2026-11-29T08:00:00Z");
        m.put("fail-on", "error, warning or never");
        m.put("severity", "a map from codes IDF1xx-IDF9xx to error, warning or info");
        return m;
    }

    /**
     * The configuration file to use: {@code explicit} when given (it must exist), else
     * {@code idflow.yaml} in the policy folder's parent, else in the policy folder; empty
     * when there is none.
     */
    public static Optional<Path> find(Path explicit, Path policyFolder) throws ConfigException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ConfigException(explicit + ": no such configuration file");
            }
            return Optional.of(explicit);
        }
        Path folder = policyFolder.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        if (parent != null && Files.isRegularFile(parent.resolve(FILE_NAME))) {
            return Optional.of(relativeLike(policyFolder, parent.resolve(FILE_NAME)));
        }
        if (Files.isRegularFile(folder.resolve(FILE_NAME))) {
            return Optional.of(policyFolder.resolve(FILE_NAME));
        }
        return Optional.empty();
    }

    private static Path relativeLike(Path given, Path found) {
        if (given.isAbsolute()) {
            return found;
        }
        return Path.of("").toAbsolutePath().relativize(found);
    }

    /** Reads and validates the file; {@link Config#NONE} when {@code file} is empty. */
    public static Config load(Optional<Path> file) throws ConfigException {
        return file.isEmpty() ? Config.NONE : load(file.get());
    }

    /** Reads and validates {@code file}. */
    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": the configuration file is over 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), file);
    }

    /** Validates configuration {@code text}, shown as {@code display} in messages. */
    public static Config parse(String text, String display, Path file) throws ConfigException {
        Map<String, Integer> lines = new HashMap<>();
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(display).build()).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(Mark::getLine).orElse(0) + 1;
            throw new ConfigException(display + ":" + line + ": not valid YAML: " + e.getProblem()
                    + "; expected a map of keys " + String.join(", ", EXPECTED.keySet()));
        } catch (YamlEngineException e) {
            throw new ConfigException(display + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
        if (root == null) {
            return new Config(file, null, null, null, null, null, Map.of());
        }
        JsonNode tree = toJson(root, "", lines, display);
        if (!tree.isObject()) {
            throw new ConfigException(display + ":" + line(root) + ": expected a map of keys "
                    + String.join(", ", EXPECTED.keySet()));
        }
        checkSeverityCodes(tree, lines, display);
        List<Schemas.Problem> problems = Schemas.problems("idflow-config", tree);
        if (!problems.isEmpty()) {
            throw new ConfigException(describe(problems.get(0), lines, display));
        }
        return toConfig(tree, file);
    }

    private static void checkSeverityCodes(JsonNode tree, Map<String, Integer> lines, String display)
            throws ConfigException {
        JsonNode severity = tree.get("severity");
        if (severity == null || !severity.isObject()) {
            return;
        }
        for (String code : severity.propertyNames()) {
            String at = display + ":" + lines.getOrDefault("/severity/" + code, 1) + ": `severity." + code + "`: ";
            if (Codes.known(code) && Codes.fixedSeverity(code)) {
                throw new ConfigException(at + "the severity of " + code
                        + " cannot be changed (IDF0xx and IDF805 are fixed); expected a code IDF1xx-IDF9xx");
            }
            if (!Codes.known(code)) {
                throw new ConfigException(at + "unknown diagnostic code; expected a code IDF1xx-IDF9xx");
            }
        }
    }

    private static String describe(Schemas.Problem p, Map<String, Integer> lines, String display) {
        List<String> path = new ArrayList<>(p.path());
        if (p.keyword().equals("additionalProperties") && path.isEmpty() && p.property() != null) {
            return display + ":" + lines.getOrDefault("/" + p.property(), 1) + ": unknown key `" + p.property()
                    + "`: expected one of " + String.join(", ", EXPECTED.keySet());
        }
        String top = path.isEmpty() ? null : path.get(0);
        int line = 1;
        for (int n = path.size(); n > 0; n--) {
            Integer l = lines.get("/" + String.join("/", path.subList(0, n)));
            if (l != null) {
                line = l;
                break;
            }
        }
        String key = String.join(".", path).replaceAll("\\.([0-9]+)(?=\\.|$)", "[$1]");
        String expected = top == null ? "a map of keys " + String.join(", ", EXPECTED.keySet())
                : EXPECTED.getOrDefault(top, p.message());
        return display + ":" + line + ": `" + key + "`: expected " + expected;
    }

    private static Config toConfig(JsonNode tree, Path file) {
        List<String> targets = null;
        if (tree.has("targets")) {
            targets = new ArrayList<>();
            for (JsonNode t : tree.get("targets")) {
                targets.add(t.asString());
            }
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        JsonNode severity = tree.get("severity");
        if (severity != null) {
            for (String code : severity.propertyNames()) {
                severities.put(code, Severity.parse(severity.get(code).asString()));
            }
        }
        return new Config(file, text(tree, "policy"), text(tree, "output"), targets, text(tree, "now"),
                text(tree, "fail-on"), severities);
    }

    private static String text(JsonNode tree, String key) {
        JsonNode n = tree.get(key);
        return n == null ? null : n.asString();
    }

    // ---- YAML nodes to a JSON tree, remembering the line of every key and item ----

    private static JsonNode toJson(Node node, String pointer, Map<String, Integer> lines, String display)
            throws ConfigException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new ConfigException(display + ":" + line(t.getKeyNode()) + ": expected a plain key");
                }
                String child = pointer + "/" + k.getValue();
                if (o.has(k.getValue())) {
                    throw new ConfigException(display + ":" + line(k) + ": `" + child.substring(1).replace('/', '.')
                            + "` is given twice");
                }
                lines.put(child, line(k));
                o.set(k.getValue(), toJson(t.getValueNode(), child, lines, display));
            }
            return o;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode a = f.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                String child = pointer + "/" + i++;
                lines.put(child, line(item));
                a.add(toJson(item, child, lines, display));
            }
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return f.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return f.booleanNode(Boolean.parseBoolean(s.getValue()));
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            try {
                return f.numberNode(new java.math.BigDecimal(s.getValue()));
            } catch (NumberFormatException e) {
                return f.stringNode(s.getValue());
            }
        }
        return f.stringNode(s.getValue());
    }

    private static int line(Node n) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }
}
