package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checks find the same, in the same order, whether spread over the cores or run on one thread. */
class CheckerThreadsTest {

    @Test
    void oneThreadFindsWhatEveryCoreFinds() throws IOException {
        List<Path> policies = new ArrayList<>();
        policies.add(TestRepo.samples().resolve("acme/policies"));
        policies.add(TestRepo.samples().resolve("multicloud/policies"));
        try (Stream<Path> s = Files.list(TestRepo.samples().resolve("checks"))) {
            s.map(folder -> folder.resolve("broken")).filter(Files::isDirectory).sorted().forEach(policies::add);
        }
        CheckSettings settings = CheckSettings.at(TestRepo.NOW);
        int compared = 0;
        int findings = 0;
        for (Path dir : policies) {
            Analysis a = TestRepo.check(dir);
            Policy policy = a.policy();
            if (policy == null) {
                continue; // a language error: the checks never run
            }
            Flows flows = Flows.derive(policy);
            List<Diagnostic> everyCore = Checker.run(policy, flows, settings);
            assertThat(Checker.runOnThisThread(policy, flows, settings)).as("%s", dir).isEqualTo(everyCore);
            compared++;
            findings += everyCore.size();
        }
        assertThat(compared).isGreaterThan(40);
        assertThat(findings).isGreaterThan(100);
    }
}
