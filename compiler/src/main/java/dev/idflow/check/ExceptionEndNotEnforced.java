package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF405: an exception's end cannot be enforced: the granted credential's issuer cannot expire. */
final class ExceptionEndNotEnforced implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF405", "Exception end not enforced", Severity.ERROR, "NHI10",
            "PR.AA-05",
            "An exception's end cannot be enforced: the credential's issuer cannot `expire`.",
            "At the end of an exception the grant is removed by the system that issued the credential, "
                    + "as a dated condition or a TTL. An issuer that cannot `expire` keeps the grant until a "
                    + "person removes it, so the window is only on paper. Grant a credential whose issuer can "
                    + "expire, or give the issuer `can expire` if it has that feature.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (ExceptionGrant ex : policy.exceptions().values()) {
            for (ExceptionGrant.GrantTo g : ex.grants()) {
                Credential c = policy.credential(g.identity(), g.credential());
                if (c == null || Systems.can(policy, c.issuer(), Capability.EXPIRE)) {
                    continue;
                }
                ctx.report(g.span(), "message", ex.name(), g.qualifiedName(), c.issuer())
                        .help("add `can expire` to `" + c.issuer() + "` if it ends grants by itself, or grant a "
                                + "credential issued by a system that can ("
                                + Systems.thatCan(policy, Capability.EXPIRE) + ")")
                        .subject("exception " + ex.name() + " credential " + g.qualifiedName())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
