package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF301: a credential has no end: neither {@code ttl} nor {@code expires}, and no identity {@code expires}. */
final class NoCredentialEnd implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF301", "Credential without end", Severity.ERROR, "NHI7",
            "PR.AA-01",
            "A credential has no end: neither `ttl` nor `expires`, and no identity `expires`.",
            "A credential that never ends stays valid until someone remembers to revoke it; leaked long-lived "
                    + "secrets are the most common way into a system. Give each credential a `ttl` (the "
                    + "lifetime of each issued value) or an `expires` date, or give its identity an `expires`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            if (i.expires() != null || i.spans().has("expires")) {
                continue;
            }
            for (Credential c : i.credentials().values()) {
                if (c.ttl() != null || c.expires() != null || c.spans().has("ttl") || c.spans().has("expires")) {
                    continue;
                }
                ctx.report(c.spans().name(), "message", c.qualifiedName())
                        .help("add `ttl DURATION` or `expires DATE` to `" + c.name() + "`, or `expires` to `"
                                + i.name() + "`")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
