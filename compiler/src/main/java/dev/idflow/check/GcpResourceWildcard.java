package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;

/** IDF910: a gcp-iam resource with {@code *} or {@code ?}: GCP binds roles on concrete resources. */
final class GcpResourceWildcard implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF910", "GCP resource with a wildcard", Severity.ERROR, "", "",
            "A gcp-iam resource has `*` or `?`.",
            "A GCP IAM policy is set on one concrete resource (a project, a bucket, a dataset); there is no "
                    + "wildcard resource. Name each resource, or grant on the project or bucket that contains "
                    + "them.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.GCP_IAM)) {
            for (Located r : Targets.resources(x.credential())) {
                if (r.value().indexOf('*') < 0 && r.value().indexOf('?') < 0) {
                    continue;
                }
                x.in(ctx.report(r.span(), "message", SecretPatterns.shown(r.value()), x.credential().qualifiedName(), x.issuer().name()))
                        .help("name each resource, or grant on the project or bucket that contains them");
            }
        }
    }
}
