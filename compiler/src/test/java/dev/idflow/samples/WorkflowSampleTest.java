package dev.idflow.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The sample pull-request workflow is valid YAML and runs the diff with the reports it uploads. */
class WorkflowSampleTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowRunsDiffAndUploadsItsSarif() {
        String text = TestRepo.read(TestRepo.samples().resolve("github-actions/idflow-pr.yml"));
        Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(text);
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("diff");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        String runs = steps.stream().map(s -> String.valueOf(s.get("run"))).reduce("", String::concat);
        assertThat(runs).contains("diff policies").contains("--format github,sarif,markdown")
                .contains("--report-dir idflow-reports").doesNotContain("releases/download");
        assertThat(steps).anySatisfy(s -> assertThat(String.valueOf(s.get("uses")))
                .startsWith("github/codeql-action/upload-sarif"));
        assertThat(text).doesNotContain("\t");
    }
}
