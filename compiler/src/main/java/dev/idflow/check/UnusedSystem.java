package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Delegation;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.Source;
import dev.idflow.model.diag.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * IDF801: a system is declared and never used. A system is used when it is named anywhere:
 * as a source, issuer, revoker, {@code stored-in}, or in a delegation (CHECKS.md).
 */
final class UnusedSystem implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF801", "Unused system", Severity.WARNING, "", "",
            "A system is declared and never used.",
            "A system that is named nowhere (as a source, issuer, revoker, `stored-in`, or in a delegation) "
                    + "plays no part in any lifecycle: it is a leftover, or the credentials it holds were never "
                    + "written into the policy. Describe what it holds, or remove it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        Set<String> used = used(policy);
        for (ManagedSystem s : policy.systems().values()) {
            if (used.contains(s.name())) {
                continue;
            }
            ctx.report(s.spans().name(), "message", s.name(), s.kind() == null ? "" : s.kind().word())
                    .help("name `" + s.name() + "` as the issuer of the credentials it holds, or remove it")
                    .subject("system " + s.name());
        }
    }

    /** The names of every system named as a source, issuer, revoker, store or in a delegation. */
    static Set<String> used(Policy policy) {
        Set<String> used = new HashSet<>();
        policy.sources().values().stream().map(Source::system).forEach(used::add);
        for (Identity i : policy.identities().values()) {
            i.sources().values().stream().map(Source::system).forEach(used::add);
            for (Credential c : i.credentials().values()) {
                used.add(c.issuer());
                used.add(c.revoker());
                c.storedIn().stream().map(Located::value).forEach(used::add);
            }
        }
        for (Delegation d : policy.delegations().values()) {
            d.systems().stream().map(Located::value).forEach(used::add);
            used.add(d.reconcileBy());
        }
        used.remove(null);
        return used;
    }
}
