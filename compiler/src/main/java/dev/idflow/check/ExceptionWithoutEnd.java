package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;

/** IDF401: an exception has no end ({@code until} or {@code for}). It excludes IDF402 and IDF404. */
final class ExceptionWithoutEnd implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF401", "Exception without end", Severity.ERROR, "NHI10",
            "PR.AA-05",
            "An exception has no end (`until` or `for`).",
            "An exception is a time-bound grant: at its end access returns to the baseline by itself. One "
                    + "without an end is a permanent grant that bypasses the policy's review. Add `until "
                    + "TIMESTAMP` or `for DURATION` after `from`, within `max-exception` (or `max-break-glass`).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            if (Exceptions.hasEnd(ex)) {
                continue;
            }
            String max = Values.format(ex.breakGlass() ? policy.maxBreakGlass() : policy.maxException());
            ctx.report(ex.spans().name(), "message", ex.name())
                    .help("add `for DURATION` (at most " + max + ") or `until TIMESTAMP` to `" + ex.name() + "`")
                    .subject("exception " + ex.name());
        }
    }
}
