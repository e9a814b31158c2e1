package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF307: a credential's own {@code expires} is later than its identity's {@code expires}. */
final class OutlivesIdentity implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF307", "Credential outlives its identity", Severity.ERROR, "NHI1",
            "PR.AA-01",
            "A credential's own `expires` is later than its identity's `expires`.",
            "A credential never outlives its identity: when a contract or an ephemeral environment ends, "
                    + "everything it held ends with it. A later end on the credential is either a mistake or "
                    + "an identity end that is out of date. Move the credential's `expires` to the identity's "
                    + "end or earlier, or extend the identity.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            if (i.expires() == null) {
                continue;
            }
            for (Credential c : i.credentials().values()) {
                if (c.expires() == null || !i.expires().isBefore(c.expires())) {
                    continue;
                }
                ctx.report(c.spans().at("expires"), "message", c.qualifiedName(), c.expires().written(), i.name(),
                                i.expires().written())
                        .help("set `expires` of `" + c.name() + "` to " + i.expires().written() + " or earlier")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
