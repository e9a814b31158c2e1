package dev.idflow.check;

import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF206: an identity has no owner, so nobody answers for its revocation. */
final class NoOwner implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF206", "No owner", Severity.ERROR, "NHI1", "GV.RR-02",
            "An identity has no owner (no revocation owner).",
            "Every non-human identity needs a team that answers for taking its access away: the one paged "
                    + "when it leaks, asked when it looks unused, and told when its contract ends. An identity "
                    + "without an owner becomes an orphan that nobody dares to remove. Add `owner OWNER`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            if (i.owner() != null || i.spans().has("owner")) {
                continue;
            }
            String owners = policy.owners().isEmpty() ? "none declared"
                    : String.join(", ", policy.owners().keySet().stream().map(o -> "`" + o + "`").toList());
            ctx.report(i.spans().name(), "message", i.name())
                    .help("add `owner OWNER` to `" + i.name() + "` (owners: " + owners + ")")
                    .subject("identity " + i.name())
                    .in(i.name());
        }
    }
}
