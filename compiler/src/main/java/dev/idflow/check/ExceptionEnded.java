package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;

/** IDF404: an exception ended before "now": remove it. */
final class ExceptionEnded implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF404", "Exception ended", Severity.WARNING, "NHI10", "PR.AA-05",
            "An exception ended before \"now\": remove it.",
            "After its end an exception grants nothing any more, but its declaration stays in the policy, "
                    + "in reviews and in the emitted targets. Remove it once it has ended; the ticket keeps "
                    + "the record.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            if (ex.until() == null || ctx.now().isBefore(ex.until())) {
                continue;
            }
            ctx.report(Exceptions.endSpan(ex), "message", ex.name(), Values.rfc3339(ex.until()),
                            Values.rfc3339(ctx.now()))
                    .help("remove exception `" + ex.name() + "`")
                    .subject("exception " + ex.name());
        }
    }
}
