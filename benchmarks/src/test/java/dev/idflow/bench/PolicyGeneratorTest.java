package dev.idflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.check.CheckSettings;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.source.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyGeneratorTest {

    private static Analysis analyze(PolicyGenerator.Options options) {
        return Analyzer.analyze(PolicyGenerator.sources(options), CheckSettings.at(Instant.parse(PolicyGenerator.NOW)),
                "", Provenance.directory());
    }

    private static List<String> lines(Analysis a, Severity atLeast) {
        return a.diagnostics().stream().filter(d -> d.severity().compareTo(atLeast) >= 0)
                .map(d -> d.span().file() + ":" + d.span().startLine() + ": " + d.code() + " " + d.message())
                .toList();
    }

    @Test
    void defaultPolicyHasNoLanguageErrorAndNoErrorAtAll() {
        Analysis a = analyze(PolicyGenerator.Options.of(1500));
        assertThat(a.policy()).isNotNull();
        assertThat(a.diagnostics()).extracting(Diagnostic::code).noneMatch(c -> c.startsWith("IDF0"));
        assertThat(lines(a, Severity.ERROR)).isEmpty();
        assertThat(a.policy().identities()).hasSize(1500);
    }

    @Test
    void everyIdentityHasThreeToSixCredentials() {
        Analysis a = analyze(PolicyGenerator.Options.of(300));
        assertThat(a.policy().identities().values())
                .allSatisfy(i -> assertThat(i.credentials()).hasSizeBetween(3, 6));
        assertThat(a.policy().exceptions()).isNotEmpty();
    }

    @Test
    void defectsGiveFindingsButNeverLanguageErrors() {
        Analysis a = analyze(new PolicyGenerator.Options(1000, 7, 0.2));
        assertThat(a.diagnostics()).extracting(Diagnostic::code).noneMatch(c -> c.startsWith("IDF0"));
        assertThat(lines(a, Severity.ERROR)).hasSizeGreaterThan(10);
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherFiles() {
        Map<String, String> one = PolicyGenerator.generate(new PolicyGenerator.Options(200, 3, 0.05));
        assertThat(PolicyGenerator.generate(new PolicyGenerator.Options(200, 3, 0.05))).isEqualTo(one);
        assertThat(PolicyGenerator.generate(new PolicyGenerator.Options(200, 4, 0.05))).isNotEqualTo(one);
        assertThat(one).containsKeys("policy.idflow", "systems.idflow", "exceptions.idflow", "delegations.idflow");
    }
}
