package dev.idflow.check;

import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;

/**
 * IDF503: a credential of an identity in one env is issued by or stored in a system of
 * another env. Both sides must declare an env: one without serves every env.
 */
final class CrossEnvironment implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF503", "Credential crosses environments", Severity.ERROR, "NHI8",
            "PR.IR-01",
            "A credential of an identity in one env is issued by or stored in a system of another env.",
            "Environments are isolated so that a compromise of staging or dev does not reach production. A "
                    + "production credential minted by a staging issuer, or copied into a staging CI, makes the "
                    + "weaker environment a way into the stronger one. Issue and store each credential in its "
                    + "identity's own env (a system or identity without `env` serves every env).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued()) {
            String env = x.identity().env();
            if (env == null) {
                continue;
            }
            if (differs(env, x.issuer())) {
                x.in(ctx.report(x.credential().spans().at("issuer"), "issuer", x.credential().qualifiedName(),
                                env, x.issuer().name(), x.issuer().env()))
                        .help("issue it from a system of env `" + env + "`");
            }
            for (Located s : x.credential().storedIn()) {
                ManagedSystem store = policy.system(s.value());
                if (store != null && differs(env, store)) {
                    x.in(ctx.report(s.span(), "stored", x.credential().qualifiedName(), env, store.name(),
                                    store.env()))
                            .help("remove `" + store.name() + "` from `stored-in`, or store it in a system of env `"
                                    + env + "`");
                }
            }
        }
    }

    private static boolean differs(String env, ManagedSystem system) {
        return system.env() != null && !system.env().equals(env);
    }
}
