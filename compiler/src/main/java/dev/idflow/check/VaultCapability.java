package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.List;

/** IDF905: a Vault capability outside {@code create read update patch delete list sudo deny}. */
final class VaultCapability implements Check {

    static final List<String> CAPABILITIES = List.of("create", "read", "update", "patch", "delete", "list", "sudo",
            "deny");

    static final RuleInfo INFO = new RuleInfo("IDF905", "Not a Vault capability", Severity.ERROR, "", "",
            "A vault capability is outside `create read update patch delete list sudo deny`.",
            "On a vault issuer, `allow` names ACL capabilities. Vault refuses a policy with any other word "
                    + "(there is no `write`: it is `create` and `update`).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.VAULT)) {
            for (Located a : Targets.actions(x.credential())) {
                if (CAPABILITIES.contains(a.value())) {
                    continue;
                }
                String near = dev.idflow.model.Names.closest(a.value(), CAPABILITIES);
                x.in(ctx.report(a.span(), "message", SecretPatterns.shown(a.value()), x.credential().qualifiedName(),
                                String.join(" ", CAPABILITIES)))
                        .help(near == null ? "use one of " + String.join(", ", CAPABILITIES)
                                : "did you mean `" + near + "`?");
            }
        }
    }
}
