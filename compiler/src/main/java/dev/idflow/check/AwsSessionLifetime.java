package dev.idflow.check;

import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.AwsRole;
import java.time.Duration;

/**
 * IDF901: an AWS session lifetime (the {@code ttl} of an aws-iam {@code binding} or
 * {@code token}) outside 1h..12h, the range of a role's {@code MaxSessionDuration}. An
 * aws-iam {@code secret} or {@code key} is an access key, not a session. Every session ttl
 * is judged: the role's {@code MaxSessionDuration} is the smallest of them
 * ({@link AwsRole#maxSessionSeconds}).
 */
final class AwsSessionLifetime implements Check {

    static final Duration MIN = AwsRole.MIN_SESSION;
    static final Duration MAX = AwsRole.MAX_SESSION;

    static final RuleInfo INFO = new RuleInfo("IDF901", "AWS session lifetime out of range", Severity.ERROR, "",
            "",
            "An aws-iam session lifetime (`ttl` of a binding or token) is outside 1h..12h.",
            "idflow emits the role's `MaxSessionDuration` from the smallest session `ttl`, and AWS accepts only "
                    + "3600 to 43200 seconds there. A shorter or longer lifetime would be refused when the role is "
                    + "created. Choose a `ttl` between 1h and 12h; for longer-lived access use an `expires`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.AWS_IAM)) {
            Duration ttl = x.credential().ttl();
            if (ttl == null || !AwsRole.isSession(x.credential()) || allowed(ttl)) {
                continue;
            }
            x.in(ctx.report(x.credential().spans().at("ttl"), "message", Values.format(ttl),
                            x.credential().qualifiedName(), Values.format(MIN), Values.format(MAX)))
                    .help("set `ttl` between 1h and 12h");
        }
    }

    /** True when {@code ttl} is a session lifetime AWS accepts. */
    static boolean allowed(Duration ttl) {
        return ttl.compareTo(MIN) >= 0 && ttl.compareTo(MAX) <= 0;
    }
}
