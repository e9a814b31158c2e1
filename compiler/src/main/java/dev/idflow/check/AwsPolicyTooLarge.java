package dev.idflow.check;

import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;

/**
 * IDF902: the AWS policy emitted for an identity ({@code aws/SYSTEM/IDENTITY.json}) is over
 * 6,144 characters without white space, the managed policy limit. The size is that of
 * {@link AwsPolicySize}, the document the emitter writes.
 */
final class AwsPolicyTooLarge implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF902", "AWS policy too large", Severity.ERROR, "", "",
            "An emitted AWS policy is over 6,144 characters without white space (the managed policy limit).",
            "AWS refuses a managed policy over 6,144 characters, not counting white space. The emitted policy "
                    + "has one statement per credential, with every action and resource it grants. Cover many "
                    + "resources with one pattern (a prefix and `*`), or split the identity.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            // Only the AWS systems that issue one of its credentials get a document for it.
            java.util.Set<ManagedSystem> issuers = new java.util.LinkedHashSet<>();
            for (Targets.Issued x : Targets.of(policy, i, SystemKind.AWS_IAM)) {
                issuers.add(x.issuer());
            }
            for (ManagedSystem s : issuers) {
                int size = AwsPolicySize.size(AwsPolicySize.statements(i, s.name()));
                if (size <= AwsPolicySize.MANAGED_POLICY_LIMIT) {
                    continue;
                }
                ctx.report(i.spans().name(), "message", i.name(), s.name(), size, AwsPolicySize.MANAGED_POLICY_LIMIT)
                        .help("cover the resources with fewer patterns (a prefix and `*`), or split `" + i.name()
                                + "` into several identities")
                        .subject("identity " + i.name() + " system " + s.name())
                        .in(i.name())
                        .monitoredBy(s.monitored());
            }
        }
    }
}
