package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import java.time.Duration;

/** IDF402: an exception lasts longer than {@code max-exception}, or {@code max-break-glass} for break-glass. */
final class ExceptionTooLong implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF402", "Exception too long", Severity.ERROR, "NHI10", "PR.AA-05",
            "An exception lasts longer than `max-exception`, or than `max-break-glass` for break-glass.",
            "The policy bounds how long an exception may last (`max-exception`, default 7d) and how long an "
                    + "emergency break-glass access may last (`max-break-glass`, default 24h). A longer window "
                    + "is a standing grant in disguise. Shorten the window, or split the work into exceptions "
                    + "that are each approved on their own.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            Duration length = ex.duration();
            Duration max = ex.breakGlass() ? policy.maxBreakGlass() : policy.maxException();
            if (length == null || length.compareTo(max) <= 0) {
                continue;
            }
            String which = ex.breakGlass() ? "max-break-glass" : "max-exception";
            ctx.report(Exceptions.endSpan(ex), "message", ex.name(), Lifetimes.describe(length), which,
                            Values.format(max))
                    .help("end `" + ex.name() + "` no later than " + Values.rfc3339(ex.from().plus(max))
                            + " (`for " + Values.format(max) + "`)")
                    .subject("exception " + ex.name());
        }
    }
}
