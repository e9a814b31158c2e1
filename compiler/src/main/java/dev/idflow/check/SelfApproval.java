package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** IDF407: the approver of an exception owns an identity whose access it grants (self-approval). */
final class SelfApproval implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF407", "Self-approval", Severity.WARNING, "NHI10", "PR.AA-05",
            "The approver is the owner of the identity whose access it grants (self-approval).",
            "An exception widens the access of an identity; the team that owns that identity has an interest "
                    + "in the outcome. Four eyes means someone else approves: security operations, or the "
                    + "owner of the data behind the access. Name another owner as `approver`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            if (ex.approver() == null) {
                continue;
            }
            List<String> owned = new ArrayList<>();
            for (ExceptionGrant.GrantTo g : ex.grants()) {
                Identity i = policy.identities().get(g.identity());
                String name = "`" + g.identity() + "`";
                if (i != null && ex.approver().equals(i.owner()) && !owned.contains(name)) {
                    owned.add(name);
                }
            }
            if (owned.isEmpty()) {
                continue;
            }
            ctx.report(ex.spans().at("approver"), "message", ex.name(), ex.approver(), String.join(", ", owned))
                    .help("name an approver other than `" + ex.approver() + "`, such as a security team")
                    .subject("exception " + ex.name());
        }
    }
}
