package dev.idflow.report;

import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.idflow.TestRepo;
import dev.idflow.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The official SARIF 2.1.0 JSON schema, as shipped by npm's {@code @microsoft/sarif-multitool-linux}
 * (installed by {@code .ci/run} and the README's dev step into {@code compiler/target/npm}). In CI
 * ({@code CI=true}) a missing schema fails the test; elsewhere the test is skipped with a message.
 */
public final class SarifSchema {

    static final String PACKAGE = "@microsoft/sarif-multitool-linux";
    private static Schema schema;

    private SarifSchema() {
    }

    public static Path location() {
        return TestRepo.root().resolve("compiler/target/npm/node_modules/" + PACKAGE + "/sarif-2.1.0.json");
    }

    /**
     * The error-level results of the SARIF Multitool's {@code validate} (schema and rules) on a
     * log, as {@code ruleId: message} lines; empty when it has none.
     */
    public static List<String> multitoolErrors(String sarif, Path work) throws IOException, InterruptedException {
        Path tool = location().resolveSibling("Sarif.Multitool");
        if (!Files.isRegularFile(tool)) {
            missing(tool);
        }
        tool.toFile().setExecutable(true); // npm does not run the package's chmod script
        Path in = work.resolve("in.sarif");
        Path out = work.resolve("validation.sarif");
        Files.writeString(in, sarif);
        Process p = new ProcessBuilder(tool.toString(), "validate", in.toString(), "-o", out.toString(), "--log",
                "ForceOverwrite").redirectErrorStream(true).redirectOutput(work.resolve("multitool.log").toFile())
                .start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || !Files.exists(out)) {
            p.destroyForcibly();
            fail("the SARIF Multitool did not validate: " + Files.readString(work.resolve("multitool.log")));
        }
        List<String> errors = new java.util.ArrayList<>();
        for (var r : Json.read(Files.readString(out)).get("runs").get(0).get("results")) {
            if (r.has("level") && r.get("level").asString().equals("error")) {
                errors.add(r.get("ruleId").asString() + ": " + r.get("message"));
            }
        }
        return errors;
    }

    private static void missing(Path file) {
        String why = file + " is missing; install it with `npm install --prefix compiler/target/npm " + PACKAGE
                + "` (see README)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    /** The validation problems of a SARIF log; empty when valid. */
    public static synchronized List<String> problems(String sarif) {
        if (schema == null) {
            schema = load();
        }
        return schema.validate(Json.read(sarif)).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load() {
        Path file = location();
        if (!Files.isRegularFile(file)) {
            missing(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
