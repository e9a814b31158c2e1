package dev.idflow.check;

import dev.idflow.model.Identity;
import dev.idflow.model.IdentityKind;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF207: a third-party or ephemeral identity has no {@code expires}. */
final class NoIdentityEnd implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF207", "Third-party or ephemeral identity without end",
            Severity.ERROR, "NHI3", "GV.SC-10",
            "A third-party or ephemeral identity has no `expires`.",
            "A third-party integration lives as long as its contract, an ephemeral identity as long as the "
                    + "environment it was made for. Without `expires` the access outlasts both, and nobody "
                    + "notices when the partner is gone. Set `expires` to the contract end or the planned end.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            boolean needsEnd = i.kind() == IdentityKind.THIRD_PARTY || i.kind() == IdentityKind.EPHEMERAL;
            if (!needsEnd || i.expires() != null || i.spans().has("expires")) {
                continue;
            }
            ctx.report(i.spans().name(), "message", i.kind().word(), i.name())
                    .help("add `expires DATE` to `" + i.name() + "`: "
                            + (i.kind() == IdentityKind.THIRD_PARTY ? "the contract end" : "its planned end"))
                    .subject("identity " + i.name())
                    .in(i.name());
        }
    }
}
