package dev.idflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Severity;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code idflow.yaml}: what it reads, and the one-line error for each way it can be wrong. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static Config parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "idflow.yaml", Path.of("repo/idflow.yaml"));
    }

    @Test
    void readsEveryKey() throws Exception {
        Config c = parse("""
                policy: policies            # the policy folder
                output: target/idflow
                targets: [opa, aws, gcp, vault, plan]
                now: 2026-11-29T08:00:00Z
                fail-on: warning
                severity:
                  IDF501: error
                  IDF801: info
                """);
        assertThat(c.policyFolder()).isEqualTo(Path.of("repo/policies"));
        assertThat(c.outputFolder()).isEqualTo(Path.of("repo/target/idflow"));
        assertThat(c.targets()).containsExactly("opa", "aws", "gcp", "vault", "plan");
        assertThat(c.now()).isEqualTo("2026-11-29T08:00:00Z");
        assertThat(c.failOn()).isEqualTo("warning");
        assertThat(c.severities()).containsExactly(
                java.util.Map.entry("IDF501", Severity.ERROR), java.util.Map.entry("IDF801", Severity.INFO));
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        Config c = parse("# nothing yet\n");
        assertThat(c.policy()).isNull();
        assertThat(c.severities()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "now: commit\\nfoo: 1|idflow.yaml:2: unknown key `foo`: expected one of policy, output, targets, now, fail-on, severity",
        "policy: 3|idflow.yaml:1: `policy`: expected a folder path (a string)",
        "fail-on: maybe|idflow.yaml:1: `fail-on`: expected error, warning or never",
        "targets:\\n  - opa\\n  - foo|idflow.yaml:3: `targets[1]`: expected a list of opa, aws, gcp, vault, plan (each at most once)",
        "targets: opa|idflow.yaml:1: `targets`: expected a list of opa, aws, gcp, vault, plan (each at most once)",
        "now: yesterday|idflow.yaml:1: `now`: expected commit, wall or an RFC 3339 timestamp such as 2026-11-29T08:00:00Z",
        "severity:\\n  IDF501: fatal|idflow.yaml:2: `severity.IDF501`: expected a map from codes IDF1xx-IDF9xx to error, warning or info",
        "severity:\\n  IDF001: info|idflow.yaml:2: `severity.IDF001`: the severity of IDF001 cannot be changed (IDF0xx and IDF805 are fixed); expected a code IDF1xx-IDF9xx",
        "severity:\\n  IDF805: warning|idflow.yaml:2: `severity.IDF805`: the severity of IDF805 cannot be changed (IDF0xx and IDF805 are fixed); expected a code IDF1xx-IDF9xx",
        "severity:\\n  IDF999: info|idflow.yaml:2: `severity.IDF999`: unknown diagnostic code; expected a code IDF1xx-IDF9xx",
        "- policies|idflow.yaml:1: expected a map of keys policy, output, targets, now, fail-on, severity",
        "now: commit\\nnow: wall|idflow.yaml:2: `now` is given twice",
    })
    void everyMistakeIsOneLineNamingTheKeyTheLineAndWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("policy: x\n  bad: [\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("idflow.yaml:2: not valid YAML: ");
    }

    @Test
    void lookupPrefersTheExplicitFileThenTheParentThenThePolicyFolder() throws Exception {
        Path policies = dir.resolve("policies");
        TestRepo.write(policies.resolve("idflow.yaml"), "fail-on: never\n");
        assertThat(ConfigLoader.find(null, policies)).contains(policies.resolve("idflow.yaml"));

        TestRepo.write(dir.resolve("idflow.yaml"), "fail-on: warning\n");
        assertThat(ConfigLoader.find(null, policies)).contains(dir.resolve("idflow.yaml"));

        Path explicit = dir.resolve("other.yaml");
        TestRepo.write(explicit, "fail-on: error\n");
        assertThat(ConfigLoader.find(explicit, policies)).contains(explicit);
        assertThatThrownBy(() -> ConfigLoader.find(dir.resolve("missing.yaml"), policies))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no such configuration file");
        assertThat(ConfigLoader.find(null, dir.resolve("a/b"))).isEqualTo(Optional.empty());
    }

    @Test
    void theAcmeSampleConfigurationIsValid() throws Exception {
        Path file = TestRepo.samples().resolve("acme/idflow.yaml");
        Config c = ConfigLoader.load(file);
        assertThat(c.policyFolder()).isEqualTo(TestRepo.samples().resolve("acme/policies").toAbsolutePath().normalize());
        assertThat(c.now()).isEqualTo("commit");
    }
}
