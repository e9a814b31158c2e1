package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF304: a credential has a lifetime but its issuer cannot expire: the end is only on paper. */
final class EndOnlyOnPaper implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF304", "End only on paper", Severity.WARNING, "NHI7", "PR.AA-01",
            "A credential has a lifetime but its issuer cannot `expire`: the end is only on paper.",
            "A `ttl` or `expires` is enforced only when the issuer ends the credential by itself (a token "
                    + "TTL, a dated IAM condition). An issuer without `expire` keeps honouring the credential "
                    + "after the written end. Add `can expire` to the issuer if it has that feature, or issue "
                    + "the credential from a system that does.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                boolean hasLifetime = c.spans().has("ttl") || c.spans().has("expires");
                if (!hasLifetime || Systems.can(policy, c.issuer(), Capability.EXPIRE)) {
                    continue;
                }
                String attribute = c.spans().has("ttl") ? "ttl" : "expires";
                ctx.report(c.spans().at(attribute), "message", c.qualifiedName(), attribute, c.issuer())
                        .help("add `can expire` to `" + c.issuer() + "` if it ends credentials by itself, or issue "
                                + "it from a system that can (" + Systems.thatCan(policy, Capability.EXPIRE) + ")")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
