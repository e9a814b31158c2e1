package dev.idflow.check;

import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.List;

/** IDF911: the AWS role name {@code idflow-IDENTITY} is over 64 characters. */
final class AwsRoleName implements Check {

    static final int MAX = 64;

    static final RuleInfo INFO = new RuleInfo("IDF911", "AWS role name too long", Severity.ERROR, "", "",
            "The AWS role name `idflow-IDENTITY` is over 64 characters.",
            "Each identity with aws-iam credentials gets the role `idflow-IDENTITY`, and AWS refuses role names "
                    + "over 64 characters. Shorten the identity's name to at most 57 characters.");

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
            List<Targets.Issued> aws = Targets.of(policy, i, SystemKind.AWS_IAM);
            if (aws.isEmpty()) {
                continue;
            }
            ctx.report(i.spans().name(), "message", role, role.length(), MAX)
                    .help("shorten the name of `" + i.name() + "` to at most " + (MAX - "idflow-".length())
                            + " characters")
                    .subject("identity " + i.name())
                    .in(i.name())
                    .monitoredBy(aws.stream().allMatch(Targets.Issued::monitored));
        }
    }

    /** TARGETS.md: {@code idflow-IDENTITY}. */
    static String roleName(String identity) {
        return "idflow-" + identity;
    }
}
