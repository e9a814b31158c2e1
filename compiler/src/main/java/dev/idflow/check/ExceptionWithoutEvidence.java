package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** IDF403: an exception lacks its evidence: no approver, ticket or reason (one finding naming all). */
final class ExceptionWithoutEvidence implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF403", "Exception without evidence", Severity.ERROR, "NHI10",
            "PR.PS-04",
            "Evidence missing: no approver, ticket or reason.",
            "An exception is a recorded risk decision: who approved it (`approver`), where it was decided "
                    + "(`ticket`) and why (`reason`). Without them an auditor cannot tell a legitimate "
                    + "emergency from a backdoor. Add the missing attributes.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            List<String> missing = new ArrayList<>();
            for (String word : List.of("approver", "ticket", "reason")) {
                if (!ex.spans().has(word)) {
                    missing.add("`" + word + "`");
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String list = String.join(", ", missing);
            ctx.report(ex.spans().name(), "message", ex.name(), list)
                    .help("add " + list + " to `" + ex.name() + "`")
                    .subject("exception " + ex.name());
        }
    }
}
