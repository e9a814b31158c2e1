package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.regex.Pattern;

/** IDF904: a gcp-iam role that is not {@code roles/...}, {@code projects/P/roles/...} or {@code organizations/O/roles/...}. */
final class GcpRoleName implements Check {

    static final Pattern ROLE = Pattern.compile(
            "(?:projects/[a-z0-9.:-]+/|organizations/[0-9]+/)?roles/[A-Za-z0-9_.]+");

    static final RuleInfo INFO = new RuleInfo("IDF904", "Not a GCP role", Severity.ERROR, "", "",
            "A gcp-iam role is not `roles/...`, `projects/P/roles/...` or `organizations/O/roles/...`.",
            "On a gcp-iam issuer, `allow` names IAM roles. GCP knows predefined roles as `roles/NAME` and "
                    + "custom roles as `projects/PROJECT/roles/NAME` or `organizations/ORG/roles/NAME`; any other "
                    + "form is refused when the policy is set.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.GCP_IAM)) {
            for (Located a : Targets.actions(x.credential())) {
                if (ROLE.matcher(a.value()).matches()) {
                    continue;
                }
                x.in(ctx.report(a.span(), "message", SecretPatterns.shown(a.value()), x.credential().qualifiedName(), x.issuer().name()))
                        .help("write `roles/NAME`, `projects/PROJECT/roles/NAME` or `organizations/ORG/roles/NAME`");
            }
        }
    }
}
