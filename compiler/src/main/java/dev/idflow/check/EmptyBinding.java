package dev.idflow.check;

import dev.idflow.model.CredentialType;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF505: a binding that grants nothing (no {@code allow}). */
final class EmptyBinding implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF505", "Binding grants nothing", Severity.WARNING, "NHI5",
            "PR.AA-05",
            "A binding has no `allow`, so it grants nothing.",
            "A binding exists to grant permissions. One without `allow` is a placeholder that was never filled "
                    + "in, or a grant that was removed while its lifecycle object stayed: it still has an issuer, "
                    + "an owner and flows, and hides what the identity really needs. Add what it grants, or "
                    + "remove it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued()) {
            if (x.credential().type() != CredentialType.BINDING || !x.credential().grants().isEmpty()) {
                continue;
            }
            x.in(ctx.report(x.credential().spans().name(), "message", x.credential().qualifiedName(),
                            x.issuer().name()))
                    .help("add `allow \"ACTION\" on \"RESOURCE\"`, or remove the binding");
        }
    }
}
