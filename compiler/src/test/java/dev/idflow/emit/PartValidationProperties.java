package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.emit.opa.OpaEmitter;
import dev.idflow.emit.plan.PlanEmitter;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import dev.idflow.pipeline.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline validates the plan and OPA's data in parts ({@link StreamedJson}): each entry
 * of each streamed map by that map's schema, and the skeleton. Over random damage to the
 * real documents of the samples (a value of the wrong type, a key removed, added or renamed),
 * that judges a document exactly as validating it whole does.
 */
class PartValidationProperties {

    /** Each streamed document of the samples: its schema, its streamed maps, its whole tree. */
    record Doc(String schema, List<String> maps, JsonNode tree) {
    }

    /** One damage: which node (an index into all nodes, taken modulo their count) and how. */
    record Damage(int node, int kind) {
    }

    private static final List<Doc> DOCS = docs();

    private static List<Doc> docs() {
        List<Doc> docs = new ArrayList<>();
        for (String sample : List.of("acme", "multicloud")) {
            Map<String, GeneratedFile> files = new java.util.HashMap<>();
            Compiler.emit(TestRepo.check(TestRepo.samples().resolve(sample).resolve("policies")), List.of("opa", "plan"))
                    .files().forEach(f -> files.put(f.path(), f));
            docs.add(new Doc("plan-lifecycle", List.of("identities", "exceptions"),
                    Json.read(files.get(PlanEmitter.PATH).text())));
            docs.add(new Doc("opa-data", List.of("identities", "credentials", "exceptions"),
                    Json.read(files.get("opa/" + OpaEmitter.DATA).text())));
        }
        return docs;
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 5))
                .as(Damage::new).list().ofMinSize(0).ofMaxSize(3);
    }

    @Property(tries = 400)
    void partsAreValidExactlyWhenTheWholeIs(@ForAll("damages") List<Damage> damages,
            @ForAll("docIndex") int index) {
        Doc doc = DOCS.get(index);
        JsonNode tree = doc.tree().deepCopy();
        for (Damage d : damages) {
            damage(tree, d);
        }
        boolean whole = Schemas.validate(doc.schema(), tree).isEmpty();
        assertThat(partsValid(doc, tree)).as(Json.write(tree)).isEqualTo(whole);
        Statistics.collect(whole ? "valid" : "invalid");
        Statistics.coverage(c -> {
            c.check("valid").percentage(p -> p > 10);
            c.check("invalid").percentage(p -> p > 30);
        });
    }

    @Provide
    Arbitrary<Integer> docIndex() {
        return Arbitraries.integers().between(0, DOCS.size() - 1);
    }

    @Property(tries = 4)
    void theUndamagedDocumentsAreValid(@ForAll("docIndex") int index) {
        Doc doc = DOCS.get(index);
        assertThat(partsValid(doc, doc.tree())).isTrue();
        assertThat(doc.maps()).allMatch(map -> Schemas.entrywise(doc.schema(), map));
    }

    /** As the pipeline judges a streamed document: each entry by its map's schema, then the skeleton. */
    private static boolean partsValid(Doc doc, JsonNode tree) {
        if (!tree.isObject()) {
            return Schemas.validate(doc.schema(), tree).isEmpty();
        }
        ObjectNode skeleton = (ObjectNode) tree.deepCopy();
        List<String> streamed = new ArrayList<>();
        for (String map : doc.maps()) {
            if (skeleton.get(map) instanceof ObjectNode) {
                streamed.add(map);
                skeleton.putObject(map);
            }
        }
        for (String map : streamed) {
            for (Map.Entry<String, JsonNode> e : tree.get(map).properties()) {
                if (!Schemas.validateEntry(doc.schema(), map, e.getKey(), e.getValue()).isEmpty()) {
                    return false;
                }
            }
        }
        return Schemas.validate(doc.schema(), skeleton).isEmpty();
    }

    private static void damage(JsonNode root, Damage d) {
        List<ContainerNode<?>> parents = new ArrayList<>();
        collect(root, parents);
        ContainerNode<?> parent = parents.get(d.node() % parents.size());
        if (parent instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>(o.propertyNames());
            String key = keys.isEmpty() ? "added" : keys.get(d.node() % keys.size());
            switch (d.kind()) {
                case 0 -> o.put(key, 7);
                case 1 -> o.put(key, "text");
                case 2 -> o.putNull(key);
                case 3 -> o.remove(key);
                case 4 -> o.put("unknown-key", true);
                default -> {
                    JsonNode v = o.remove(key);
                    o.set(key + " renamed!", v == null ? Json.object() : v);
                }
            }
        } else if (parent instanceof ArrayNode a) {
            if (a.isEmpty() || d.kind() == 4) {
                a.add(d.kind() % 2 == 0 ? Json.object() : a.stringNode("text"));
            } else {
                int i = d.node() % a.size();
                switch (d.kind()) {
                    case 0 -> a.set(i, a.numberNode(7));
                    case 1 -> a.set(i, a.stringNode("text"));
                    case 2 -> a.setNull(i);
                    default -> a.remove(i);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out) {
        if (node instanceof ContainerNode<?> c) {
            out.add(c);
            for (JsonNode child : node.values()) {
                collect(child, out);
            }
        }
    }
}
