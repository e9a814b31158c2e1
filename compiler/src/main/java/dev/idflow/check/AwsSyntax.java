package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.regex.Pattern;

/** IDF903: an aws-iam action that is not {@code service:Action}, or a resource that is not an ARN or {@code *}. */
final class AwsSyntax implements Check {

    /** {@code service:Action} with wildcards {@code *} and {@code ?} in the action, or {@code *} alone. */
    static final Pattern ACTION = Pattern.compile("\\*|[a-z0-9-]+:[A-Za-z0-9*?]+");
    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, or {@code *} alone. */
    static final Pattern RESOURCE = Pattern.compile("\\*|arn:[a-z*-]+:[a-z0-9*?-]+:[^:]*:[^:]*:.+");

    static final RuleInfo INFO = new RuleInfo("IDF903", "Not an AWS action or resource", Severity.ERROR, "", "",
            "An aws-iam action is not `service:Action` (wildcards allowed), or a resource is not an ARN or `*`.",
            "AWS refuses a policy whose actions are not `service:Action` (like `s3:GetObject`, `s3:Get*`) or "
                    + "whose resources are not ARNs (`arn:aws:s3:::bucket/*`) or `*`. `allow` on an aws-iam "
                    + "issuer is read in AWS's terms.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.AWS_IAM)) {
            for (Located a : Targets.actions(x.credential())) {
                if (!ACTION.matcher(a.value()).matches()) {
                    x.in(ctx.report(a.span(), "action", SecretPatterns.shown(a.value()), x.credential().qualifiedName(), x.issuer().name()))
                            .help("write the action as `service:Action`, e.g. `s3:GetObject`");
                }
            }
            for (Located r : Targets.resources(x.credential())) {
                if (!RESOURCE.matcher(r.value()).matches()) {
                    x.in(ctx.report(r.span(), "resource", SecretPatterns.shown(r.value()), x.credential().qualifiedName(),
                                    x.issuer().name()))
                            .help("write the resource as an ARN, e.g. `arn:aws:s3:::" + SecretPatterns.shown(r.value()) + "`");
                }
            }
        }
    }
}
