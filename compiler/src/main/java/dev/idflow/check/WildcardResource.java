package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/** IDF502: a wildcard resource: {@code *} alone, or an ARN whose resource part is only {@code *}. */
final class WildcardResource implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF502", "Wildcard resource", Severity.WARNING, "NHI5",
            "PR.AA-05",
            "A grant is on every resource: `*` alone, or an ARN whose resource part is only `*` "
                    + "(`arn:aws:s3:::*`, `arn:aws:iam::123456789012:*`).",
            "A grant on every resource reaches every bucket, role or path that exists now or is created later. "
                    + "Name the resources the workload needs, with a wildcard only below a prefix that it owns.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued()) {
            for (Located r : Targets.resources(x.credential())) {
                if (!everything(r.value())) {
                    continue;
                }
                x.in(ctx.report(r.span(), "message", x.credential().qualifiedName(), SecretPatterns.shown(r.value()), x.issuer().name()))
                        .help("name the resources `" + x.credential().qualifiedName()
                                + "` needs, with a wildcard only below a prefix it owns");
            }
        }
    }

    /** {@code *}, or an ARN {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:*}. */
    static boolean everything(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        if (!resource.startsWith("arn:")) {
            return false;
        }
        String[] parts = resource.split(":", 6);
        return parts.length == 6 && parts[5].equals("*");
    }
}
