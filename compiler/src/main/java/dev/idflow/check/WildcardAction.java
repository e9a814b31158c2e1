package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.regex.Pattern;

/** IDF501: a wildcard or admin action: {@code *}, {@code service:*}, a basic GCP admin role, Vault {@code sudo}. */
final class WildcardAction implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF501", "Wildcard or admin action", Severity.WARNING, "NHI5",
            "PR.AA-05",
            "A credential is allowed every action (`*`, `service:*`) or an admin one (`roles/owner`, "
                    + "`roles/editor`, Vault `sudo`).",
            "A non-human identity should be allowed only the actions its job needs. A wildcard grants every "
                    + "action its issuer will ever add, and admin roles let the credential change its own access. "
                    + "List the actions the workload really calls.");

    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[A-Za-z0-9-]+:\\*");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued()) {
            for (Located a : Targets.actions(x.credential())) {
                String variant = variant(a.value(), x.issuer().kind());
                if (variant == null) {
                    continue;
                }
                x.in(ctx.report(a.span(), variant, x.credential().qualifiedName(), SecretPatterns.shown(a.value()), x.issuer().name()))
                        .help("list the actions `" + x.credential().qualifiedName() + "` needs instead of `"
                                + SecretPatterns.shown(a.value()) + "`");
            }
        }
    }

    /** The message variant for an action, or null when it is neither a wildcard nor an admin action. */
    static String variant(String action, SystemKind kind) {
        if (action.equals("*")) {
            return "all";
        }
        if (SERVICE_WILDCARD.matcher(action).matches()) {
            return "service";
        }
        if (action.equals("roles/owner") || action.equals("roles/editor")) {
            return "admin";
        }
        return kind == SystemKind.VAULT && action.equals("sudo") ? "sudo" : null;
    }
}
