package dev.idflow.check;

import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;
import java.time.Duration;

/** IDF906: a vault {@code ttl} over 768h, Vault's default maximum. */
final class VaultTtl implements Check {

    static final Duration MAX = Duration.ofHours(768);

    static final RuleInfo INFO = new RuleInfo("IDF906", "Vault ttl over the default maximum", Severity.WARNING,
            "", "",
            "A vault `ttl` is over 768h, Vault's default maximum.",
            "Vault caps every lease at its `max_lease_ttl`, 768h (32 days) unless an operator raised it. A "
                    + "longer `ttl` is silently cut, so the lifetime the policy states is not the one enforced. "
                    + "Keep `ttl` at or below 768h, or raise the mount's maximum and waive the finding.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.VAULT)) {
            Duration ttl = x.credential().ttl();
            if (ttl == null || ttl.compareTo(MAX) <= 0) {
                continue;
            }
            x.in(ctx.report(x.credential().spans().at("ttl"), "message", inHours(ttl),
                            x.credential().qualifiedName(), x.issuer().name()))
                    .help("set `ttl` to 768h (32d) or less");
        }
    }

    /** {@code 40d (960h)}: the ttl as the policy would write it, and in hours when that differs. */
    static String inHours(Duration ttl) {
        String written = Values.format(ttl);
        boolean wholeHours = ttl.toSeconds() % 3600 == 0;
        return wholeHours && !written.endsWith("h") ? written + " (" + ttl.toHours() + "h)" : written;
    }
}
