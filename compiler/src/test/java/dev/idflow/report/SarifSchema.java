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
            String why = "the SARIF 2.1.0 schema is missing at " + file + "; install it with `npm install --prefix "
                    + "compiler/target/npm " + PACKAGE + "` (see README)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
