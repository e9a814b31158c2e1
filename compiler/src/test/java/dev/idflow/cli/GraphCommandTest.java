package dev.idflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idflow graph} as a user meets it: formats, filters, one-line errors. */
class GraphCommandTest {

    @TempDir
    Path dir;

    private static final String ACME = TestRepo.samples().resolve("acme/policies").toString();

    @Test
    void mermaidForOneIdentityAndEvent() {
        CliTest.Run r = CliTest.run("graph", ACME, "--format", "mermaid", "--identity", "stripe-sync",
                "--event", "delete", "--now", "2026-11-29T08:00:00Z");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("flowchart LR\n").contains("|\"delete: revoke [IDF202, IDF208]\"|");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void dotByDefault() {
        CliTest.Run r = CliTest.run("graph", ACME);
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("digraph \"idflow\" {\n").endsWith("}\n");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliTest.run("graph", ACME, "--event", "remove").err())
                .isEqualTo("idflow: unknown --event `remove`: expected one of create, update, suspend, delete\n");
        assertThat(CliTest.run("graph", ACME, "--format", "svg").code()).isEqualTo(2);
        CliTest.Run r = CliTest.run("graph", ACME, "--identity", "nobody");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("idflow: no identity `nobody` in the policy\n");
    }

    @Test
    void aPolicyWithLanguageErrorsHasNoPicture() {
        TestRepo.write(dir.resolve("policy.idflow"), "policy \"p\"\nsystem s { kind nope }\n");
        CliTest.Run r = CliTest.run("graph", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("error[IDF005]");
    }
}
