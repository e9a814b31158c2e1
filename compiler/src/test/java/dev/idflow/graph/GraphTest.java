package dev.idflow.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.idflow.TestRepo;
import dev.idflow.model.Event;
import dev.idflow.pipeline.Analysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code idflow graph} on the acme sample, compared byte for byte with
 * {@code compiler/src/test/resources/graph/} ({@code -Dgolden.update=true} rewrites them), and
 * every DOT output read by Graphviz {@code dot} when it is installed (in CI it must be).
 */
class GraphTest {

    private static final Analysis ACME = TestRepo.check(TestRepo.samples().resolve("acme/policies"));

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "acme.dot,            -,           -",
        "acme.mmd,            -,           -",
        "acme-stripe-sync-delete.dot, stripe-sync, delete",
        "acme-stripe-sync-delete.mmd, stripe-sync, delete"})
    void acmeGolden(String file, String identity, String event) throws Exception {
        Graph graph = GraphBuilder.build(ACME, identity, event == null ? null : Event.parse(event));
        String text = file.endsWith(".dot") ? DotWriter.write(graph) : MermaidWriter.write(graph);
        Path golden = TestRepo.root().resolve("compiler/src/test/resources/graph").resolve(file);
        if (TestRepo.updateGolden()) {
            TestRepo.write(golden, text);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true and review it").exists();
        assertThat(text).isEqualTo(TestRepo.read(golden));
        if (file.endsWith(".dot")) {
            assertGraphvizReads(text);
        }
    }

    @Test
    void incompleteStepsAreRedAndNamedByTheirFindings() {
        Graph graph = GraphBuilder.build(ACME, "stripe-sync", Event.DELETE);
        assertThat(graph.edges()).filteredOn(Graph.Edge::incomplete).singleElement()
                .satisfies(e -> {
                    assertThat(e.label()).isEqualTo("delete: revoke [IDF202, IDF208]");
                    assertThat(e.to()).isEqualTo("sys_legacy_2d_erp");
                });
        assertThat(DotWriter.write(graph)).contains("[label=\"delete: revoke [IDF202, IDF208]\", color=\"#c00000\"");
        assertThat(MermaidWriter.write(graph)).contains("linkStyle 3 stroke:#c00000");
    }

    /** Names that are Mermaid keywords or edge letters and strings full of quoting characters stay inert. */
    @Test
    void anyNameAndStringIsSafeInBothSyntaxes() throws Exception {
        Analysis a = TestRepo.checkText("""
                policy "p"
                system end { kind vault can provision, revoke, expire }
                system o { kind idp can approve }
                source create, update, suspend, delete from o
                owner x { contact "a@b.c" }
                owner subgraph { contact "a@b.c" }
                identity graph {
                  kind workload
                  owner x
                  token style { issuer end ttl 1h }
                }
                exception click {
                  grant graph.style to "user:\\"q\\" <b>#1&amp; | \\\\n", "serviceAccount:a_b@c.d"
                  approver subgraph
                  ticket "T"
                  reason "r"
                  from 2026-11-29T10:00:00Z for 4h
                  break-glass
                }
                """);
        assertThat(a.hasLanguageErrors()).as("%s", TestRepo.lines(a)).isFalse();
        Graph graph = GraphBuilder.build(a, null, null);
        assertThat(graph.nodes()).extracting(Graph.Node::id)
                .allSatisfy(id -> assertThat(id).matches("(sys|own|id|cred|exc)_[A-Za-z0-9_]+"))
                .contains("sys_end", "sys_o", "own_x", "id_graph", "cred_graph_2e_style", "exc_click");
        String mermaid = MermaidWriter.write(graph);
        assertThat(mermaid).contains("|\"grants to user:#quot;q#quot; #lt;b#gt;#35;1#amp;amp; #124; \\n, "
                + "serviceAccount:a_b@c.d\"|");
        String dot = DotWriter.write(graph);
        assertThat(dot).contains("label=\"grants to user:\\\"q\\\" <b>#1&amp; | \\\\n, serviceAccount:a_b@c.d\"");
        assertGraphvizReads(dot);
    }

    @Test
    void idsAreDistinctForDistinctNames() {
        assertThat(Graph.id(Graph.Kind.IDENTITY, "a-b")).isNotEqualTo(Graph.id(Graph.Kind.IDENTITY, "a_b"))
                .isNotEqualTo(Graph.id(Graph.Kind.IDENTITY, "a_2d_b"));
        assertThat(Graph.id(Graph.Kind.SYSTEM, "x")).isNotEqualTo(Graph.id(Graph.Kind.OWNER, "x"));
    }

    @Test
    void anUnknownIdentityIsRefused() {
        assertThatThrownBy(() -> GraphBuilder.build(ACME, "nobody", null))
                .hasMessage("no identity `nobody` in the policy");
    }

    /** Runs {@code dot -Tsvg}; skips when Graphviz is missing, except in CI where that fails. */
    static void assertGraphvizReads(String dot) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Graphviz `dot` is not installed, and CI=true requires it (see .ci/run)");
            }
            Assumptions.abort("Graphviz `dot` is not installed: DOT syntax not checked");
            return;
        }
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dot -Tsvg said:%n%s", output).isZero();
        assertThat(output).contains("<svg").doesNotContain("Warning", "Error");
    }
}
