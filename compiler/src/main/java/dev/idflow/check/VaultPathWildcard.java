package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.VaultHcl;

/**
 * IDF909: a Vault path with {@code ?}, or with {@code *} anywhere but at the end: Vault knows
 * only a trailing {@code *} and the segment wildcard {@code +}. The paths judged are those
 * written into the policy: the {@code allow} resources and a secret's {@code path}
 * ({@link VaultHcl#secretPath}).
 */
final class VaultPathWildcard implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF909", "Vault path wildcard Vault does not know",
            Severity.ERROR, "", "",
            "A vault path has `?`, or `*` anywhere but at the end.",
            "Vault's ACL paths know two wildcards: a `*` at the very end (a prefix match) and `+` for one whole "
                    + "path segment. A `*` in the middle or a `?` is taken literally, so the grant would match "
                    + "nothing. Use `+` for a segment, or end the path with `*`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.VAULT)) {
            for (Located r : Targets.resources(x.credential())) {
                check(ctx, x, r.value(), r.span());
            }
            if (VaultHcl.secretPath(x.credential()) != null) {
                check(ctx, x, VaultHcl.secretPath(x.credential()), x.credential().spans().at("path"));
            }
        }
    }

    private static void check(CheckContext ctx, Targets.Issued x, String path, SourceSpan span) {
        if (!invalid(path)) {
            return;
        }
        x.in(ctx.report(span, "message", SecretPatterns.shown(path), x.credential().qualifiedName(), x.issuer().name()))
                .help("use `+` for one path segment, or end the path with `*`");
    }

    /** True when the path has {@code ?} or a {@code *} before its last character. */
    static boolean invalid(String path) {
        int star = path.indexOf('*');
        return path.indexOf('?') >= 0 || (star >= 0 && star < path.length() - 1);
    }
}
