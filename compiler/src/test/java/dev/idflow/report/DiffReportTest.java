package dev.idflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Diff;
import dev.idflow.pipeline.DiffResult;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Gate;
import org.junit.jupiter.api.Test;

/** The Markdown summary of a large pull request stays within what a comment can hold. */
class DiffReportTest {

    static final String SYSTEMS = """
            policy "p"
            system okta { kind idp can approve, suspend }
            system aws { kind aws-iam account "123456789012" can provision, revoke, expire }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            """;

    @Test
    void longSectionsEndWithACountOfTheRest() {
        StringBuilder head = new StringBuilder(SYSTEMS);
        for (int i = 0; i < 60; i++) {
            head.append("identity i").append(i).append(" { kind workload owner o binding b { issuer aws ttl 1h ")
                    .append("allow \"s3:*\" on \"arn:aws:s3:::b\" } }\n");
        }
        Analysis base = TestRepo.checkText(SYSTEMS);
        Analysis after = TestRepo.checkText(head.toString());
        DiffResult diff = Diff.compare(base, after, false);
        assertThat(diff.risky()).hasSize(60);
        String md = new DiffReport(diff, FailLevel.ERROR, Gate.NEW, false, "v").render(Format.MARKDOWN);
        assertThat(md).startsWith("## idflow diff: passed, 60 risky changes, 60 new findings\n\n### Risky changes\n\n"
                + "- **new wildcard**: `i0.b` now allows `s3:*` on `arn:aws:s3:::b`");
        assertThat(md).contains("- and 10 more (see the JSON or text report)\n");
        assertThat(md.lines().filter(l -> l.startsWith("- **new wildcard**"))).hasSize(DiffReport.MAX_ITEMS);
        assertThat(new DiffReport(diff, FailLevel.ERROR, Gate.NEW, false, "v").render(Format.TEXT).lines()
                .filter(l -> l.startsWith("risky: new wildcard"))).hasSize(60);
    }
}
