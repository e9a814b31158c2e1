package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/**
 * IDF203: the revoker is not the issuer and cannot enforce, so revoking there leaves the
 * credential valid at its issuer. IDF201 and IDF202 exclude it.
 */
final class RevokerNotIssuer implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF203", "Revoker is not the issuer", Severity.WARNING, "NHI1",
            "PR.AA-01",
            "The revoker is not the issuer and cannot enforce, so the credential stays valid at its issuer.",
            "Revoking a credential somewhere other than where it was issued only works when that system "
                    + "decides requests itself (`enforce`, like a gateway asking OPA). Otherwise the issuer keeps "
                    + "honouring the credential after it was revoked.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            for (Credential c : i.credentials().values()) {
                if (!c.revokerDeclared() || c.revoker() == null || c.revoker().equals(c.issuer())) {
                    continue;
                }
                boolean excluded = !Systems.can(policy, c.revoker(), Capability.REVOKE);
                if (excluded || Systems.can(policy, c.revoker(), Capability.ENFORCE)) {
                    continue;
                }
                ctx.report(c.spans().at("revoker"), "message", c.qualifiedName(), c.revoker(), c.issuer())
                        .help("revoke at the issuer `" + c.issuer() + "`, or name a revoker that can enforce")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
