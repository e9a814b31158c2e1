package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.VaultHcl;
import java.util.ArrayList;
import java.util.List;

/**
 * IDF908: a string written into a Vault policy (a capability, a path of {@code allow} or a
 * secret's {@code path}, {@link VaultHcl#secretPath}) with an unbalanced
 * {@code ${}, or with {@code "}, {@code \}, a control character or a line separator inside {@code ${...}}:
 * Vault's HCL v1 parser cannot read it back.
 */
final class VaultTemplateSyntax implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF908", "Vault cannot read this string back", Severity.ERROR, "",
            "",
            "A vault string has an unbalanced `${`, or `\"`, `\\`, a control character or a line separator "
                    + "inside `${...}`.",
            "Vault reads policies with HCL version 1, which treats `${...}` inside a string as an "
                    + "interpolation to skip over, counting the braces in it: an unclosed `${` (`${a{b}` is still "
                    + "open), or a quote, backslash, control character or line separator between `${` and its `}`, "
                    + "makes the emitted policy unreadable however it is escaped. Remove the `${`, or close it and "
                    + "keep plain characters inside.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.VAULT)) {
            List<Located> strings = new ArrayList<>(Targets.actions(x.credential()));
            strings.addAll(Targets.resources(x.credential()));
            for (Located s : strings) {
                check(ctx, x, s.value(), s.span());
            }
            if (VaultHcl.secretPath(x.credential()) != null) {
                check(ctx, x, VaultHcl.secretPath(x.credential()), x.credential().spans().at("path"));
            }
        }
    }

    private static void check(CheckContext ctx, Targets.Issued x, String value, SourceSpan span) {
        String variant = problem(value);
        if (variant != null) {
            x.in(ctx.report(span, variant, x.credential().qualifiedName(), x.issuer().name(), "${"))
                    .help("remove the `${`, or close it with `}` and keep quotes, backslashes and control "
                            + "characters out of it");
        }
    }

    /**
     * {@code unbalanced}, {@code inside}, or null when Vault can read {@code s} back: the rule
     * the Vault emitter writes by ({@link VaultHcl#problem}), braces counted as HCL v1 counts them.
     */
    static String problem(String s) {
        return VaultHcl.problem(s);
    }
}
