package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.AwsPolicy;
import dev.idflow.target.AwsRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF911: the AWS role name {@code idflow-IDENTITY} is over 64 characters. Judged for the
 * identities that get a role ({@link AwsRole#written}): a policy document or a session at an
 * aws-iam system; an identity with only access keys or secrets there gets none.
 */
final class AwsRoleName implements Check {

    static final int MAX = AwsRole.MAX_NAME;

    static final RuleInfo INFO = new RuleInfo("IDF911", "AWS role name too long", Severity.ERROR, "", "",
            "The AWS role name `idflow-IDENTITY` is over 64 characters.",
            "Each identity with an aws-iam binding or token, or with grants at an aws-iam system, gets the "
                    + "role `idflow-IDENTITY`, and AWS refuses role names over 64 characters. Shorten the identity's "
                    + "name to at most 57 characters.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Identity i : policy.identities().values()) {
            String role = roleName(i.name());
            if (role.length() <= MAX) {
                continue;
            }
            Map<ManagedSystem, List<Credential>> byIssuer = new LinkedHashMap<>();
            for (Targets.Issued x : Targets.of(policy, i, SystemKind.AWS_IAM)) {
                byIssuer.computeIfAbsent(x.issuer(), k -> new ArrayList<>()).add(x.credential());
            }
            List<ManagedSystem> withRole = new ArrayList<>();
            byIssuer.forEach((s, credentials) -> {
                if (AwsRole.written(AwsPolicy.identityStatements(policy, credentials), credentials)) {
                    withRole.add(s);
                }
            });
            if (withRole.isEmpty()) {
                continue;
            }
            ctx.report(i.spans().name(), "message", role, role.length(), MAX)
                    .help("shorten the name of `" + i.name() + "` to at most " + (MAX - roleName("").length())
                            + " characters")
                    .subject("identity " + i.name())
                    .in(i.name())
                    .monitoredBy(withRole.stream().allMatch(ManagedSystem::monitored));
        }
    }

    /** TARGETS.md: {@code idflow-IDENTITY}. */
    static String roleName(String identity) {
        return AwsRole.name(identity);
    }
}
