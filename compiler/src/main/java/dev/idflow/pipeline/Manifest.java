package dev.idflow.pipeline;

import dev.idflow.emit.GeneratedFile;
import dev.idflow.io.Json;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.Provenance;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: which tool, from which source and revision, judged at which "now",
 * read which files and wrote which files (each with its sha256), and what it found. The only
 * emitted file that records "now".
 */
final class Manifest {

    private Manifest() {
    }

    /** The manifest's tree; {@code inputs} and {@code outputs} are paths with their sha256. */
    static ObjectNode tree(Analysis analysis, String revision, List<String> targets,
            List<Compilation.Output> inputs, List<Compilation.Output> outputs) {
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
        files(root.putArray("inputs"), inputs);
        files(root.putArray("outputs"), outputs);
        ObjectNode findings = root.putObject("findings");
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            findings.put(s.word(), analysis.count(s));
        }
        return root;
    }

    private static void files(ArrayNode array, List<Compilation.Output> files) {
        files.stream().sorted(Comparator.comparing(Compilation.Output::path)).forEach(f -> array.add(entry(f)));
    }

    /** The entry of one file in {@code inputs} or {@code outputs}. */
    static ObjectNode entry(Compilation.Output file) {
        ObjectNode entry = Json.object();
        entry.put("path", file.path());
        entry.put("sha256", file.sha256());
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
