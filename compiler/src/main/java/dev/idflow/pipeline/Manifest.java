package dev.idflow.pipeline;

import dev.idflow.io.Json;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.Provenance;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: which tool, from which source and revision, judged at which "now",
 * read which files and wrote which files (each with its sha256), and what it found. The only
 * emitted file that records "now".
 */
final class Manifest {

    /** The fields of a file's entry in {@code inputs} and {@code outputs}. */
    private static final String PATH = "path";
    private static final String SHA256 = "sha256";

    private Manifest() {
    }

    /**
     * The manifest's tree, but for its {@code outputs}, left empty ({@link #bytes} writes them);
     * {@code inputs} are paths with their sha256, sorted by path (as both of the compile's
     * readers give them).
     */
    static ObjectNode tree(Analysis analysis, String revision, List<String> targets, List<Compilation.Output> inputs) {
        ObjectNode root = Json.object();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "idflow");
        tool.put("version", Version.get());
        root.put("policy", analysis.policy().name());
        root.put("revision", revision);
        root.set("source", source(analysis.provenance()));
        root.put("now", Values.rfc3339(analysis.now()));
        ArrayNode t = root.putArray("targets");
        targets.forEach(t::add);
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(f -> in.add(entry(f)));
        root.putArray("outputs");
        ObjectNode findings = root.putObject("findings");
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            findings.put(s.word(), analysis.count(s));
        }
        return root;
    }

    /**
     * The text of the manifest {@code tree} with {@code files} (in their order) as the entries
     * of its empty array {@code list}: what {@link Json#bytes} writes for the whole tree,
     * written without a node for each of a large compile's tens of thousands of files.
     */
    static byte[] bytes(ObjectNode tree, String list, List<Compilation.Output> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                g.writeName(field.getKey());
                if (!field.getKey().equals(list)) {
                    g.writeTree(field.getValue());
                    continue;
                }
                g.writeStartArray();
                for (Compilation.Output f : files) {
                    g.writeStartObject();
                    g.writeStringProperty(PATH, f.path());
                    g.writeStringProperty(SHA256, f.sha256());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The entry of one file in {@code inputs} or {@code outputs}. */
    static ObjectNode entry(Compilation.Output file) {
        ObjectNode entry = Json.object();
        entry.put(PATH, file.path());
        entry.put(SHA256, file.sha256());
        return entry;
    }

    private static ObjectNode source(Provenance p) {
        Provenance provenance = p == null ? Provenance.directory() : p;
        ObjectNode node = Json.object();
        node.put("kind", provenance.kind());
        node.put("repository", provenance.repository());
        node.put("ref", provenance.ref());
        node.put("commit", provenance.commit());
        if (provenance.dirty() == null) {
            node.putNull("dirty");
        } else {
            node.put("dirty", provenance.dirty());
        }
        return node;
    }
}
