package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import dev.idflow.model.diag.Severity;

/**
 * IDF306: a credential or identity has already expired at "now". The credentials of an
 * expired identity are not reported again: one mistake, one finding.
 */
final class AlreadyExpired implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF306", "Already expired", Severity.WARNING, "NHI1", "PR.AA-01",
            "A credential or identity has already expired at \"now\": remove it.",
            "An identity or credential past its `expires` no longer grants anything, but its declaration "
                    + "keeps it in the inventory, in the emitted targets and in reviews. Remove it, or if it "
                    + "was extended, write the new end.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        String now = Values.rfc3339(ctx.now());
        for (Identity i : policy.identities().values()) {
            if (Lifetimes.ended(i.expires(), ctx.now())) {
                ctx.report(i.spans().at("expires"), "identity", i.name(), i.expires().written(), now)
                        .help("remove identity `" + i.name() + "` and its credentials, or set its new end")
                        .subject("identity " + i.name())
                        .in(i.name());
                continue;
            }
            for (Credential c : i.credentials().values()) {
                if (!Lifetimes.ended(c.expires(), ctx.now())) {
                    continue;
                }
                ctx.report(c.spans().at("expires"), "credential", c.qualifiedName(), c.expires().written(), now)
                        .help("remove credential `" + c.name() + "` from `" + i.name() + "`, or set its new end")
                        .subject("credential " + c.qualifiedName())
                        .in(i.name(), c.name())
                        .monitoredBy(Systems.issuedByMonitored(policy, c));
            }
        }
    }
}
