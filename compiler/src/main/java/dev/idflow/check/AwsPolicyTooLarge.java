package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.AwsPolicy;
import dev.idflow.target.ExceptionsAt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF902: an AWS policy that the emitter would write, an identity's
 * ({@code aws/SYSTEM/IDENTITY.json}) or an exception's ({@code aws/SYSTEM/exceptions/EXCEPTION.json}),
 * is over 6,144 characters without white space, the managed policy limit. The statements
 * measured are those the emitter writes ({@link AwsPolicy}).
 */
final class AwsPolicyTooLarge implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF902", "AWS policy too large", Severity.ERROR, "", "",
            "An emitted AWS policy is over 6,144 characters without white space (the managed policy limit).",
            "AWS refuses a managed policy over 6,144 characters, not counting white space. The emitted policy "
                    + "has one statement per credential and set of resources, with every action granted on them; "
                    + "an exception's policy has one per credential it grants at that system. Cover many "
                    + "resources with one pattern (a prefix and `*`), or split the identity or the exception.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            // Only the AWS systems that issue one of its credentials get a document for it.
            Map<ManagedSystem, List<Credential>> byIssuer = new LinkedHashMap<>();
            for (Targets.Issued x : Targets.of(policy, i, SystemKind.AWS_IAM)) {
                byIssuer.computeIfAbsent(x.issuer(), k -> new ArrayList<>()).add(x.credential());
            }
            byIssuer.forEach((s, credentials) -> {
                int size = AwsPolicy.size(null, AwsPolicy.identityStatements(policy, credentials));
                if (size > AwsPolicy.MANAGED_POLICY_LIMIT) {
                    ctx.report(i.spans().name(), "message", i.name(), s.name(), size, AwsPolicy.MANAGED_POLICY_LIMIT)
                            .help("cover the resources with fewer patterns (a prefix and `*`), or split `" + i.name()
                                    + "` into several identities")
                            .subject("identity " + i.name() + " system " + s.name())
                            .in(i.name())
                            .monitoredBy(s.monitored());
                }
            });
        }
        // only an exception that grants a credential a system issues has a document there
        Map<String, List<ExceptionGrant>> exceptionsAt = ExceptionsAt.bySystem(policy);
        for (ManagedSystem s : policy.systems().values()) {
            if (s.kind() != SystemKind.AWS_IAM) {
                continue;
            }
            for (ExceptionGrant e : exceptionsAt.getOrDefault(s.name(), List.of())) {
                int size = AwsPolicy.size(AwsPolicy.exceptionId(e), AwsPolicy.exceptionStatements(policy, e, s.name()));
                if (size > AwsPolicy.MANAGED_POLICY_LIMIT) {
                    ctx.report(e.spans().name(), "exception", e.name(), s.name(), size, AwsPolicy.MANAGED_POLICY_LIMIT)
                            .help("grant fewer credentials in `" + e.name() + "`, or split it into several exceptions")
                            .subject("exception " + e.name() + " system " + s.name())
                            .monitoredBy(s.monitored());
                }
            }
        }
    }
}
