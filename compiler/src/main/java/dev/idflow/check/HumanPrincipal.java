package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF406: an exception grants a non-human credential to a {@code user:} or {@code group:} principal without break-glass. */
final class HumanPrincipal implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF406", "Credential granted to a person", Severity.ERROR, "NHI10",
            "PR.AA-05",
            "An exception grants a non-human credential to a `user:` or `group:` principal without `break-glass`.",
            "A non-human credential used by a person blurs every audit trail: actions of the person look like "
                    + "actions of the workload. That is acceptable only as an emergency, marked `break-glass` "
                    + "and bounded by `max-break-glass`. Otherwise grant it to a service account, or mark the "
                    + "exception `break-glass` if it really is an emergency.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            if (ex.breakGlass()) {
                continue;
            }
            for (ExceptionGrant.GrantTo g : ex.grants()) {
                for (Located p : g.principals()) {
                    if (!p.value().startsWith("user:") && !p.value().startsWith("group:")) {
                        continue;
                    }
                    ctx.report(p.span(), "message", ex.name(), g.qualifiedName(), p.value())
                            .help("grant it to a service account, or mark `" + ex.name() + "` `break-glass` if it "
                                    + "is an emergency")
                            .subject("exception " + ex.name() + " principal " + p.value());
                }
            }
        }
    }
}
