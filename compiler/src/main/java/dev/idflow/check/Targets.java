package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Credentials seen through the target that enforces them: which credentials an issuer of a
 * kind mints, and their actions and resources, for the least-privilege and target-constraint
 * checks (IDF5xx, IDF9xx).
 */
final class Targets {

    private Targets() {
    }

    /** A credential with its identity and its issuer. */
    record Issued(Identity identity, Credential credential, ManagedSystem issuer) {

        /** True when the issuer is in {@code mode monitor}: errors about it are lowered. */
        boolean monitored() {
            return issuer.monitored();
        }

        Finding in(Finding f) {
            return f.subject("credential " + credential.qualifiedName())
                    .in(identity.name(), credential.name())
                    .monitoredBy(monitored());
        }
    }

    /**
     * Every credential whose issuer is a declared system, identity by identity in name order.
     * Checks read it from {@link CheckContext#issued()}, which finds it once per run.
     */
    static List<Issued> all(Policy policy) {
        List<Issued> out = new ArrayList<>();
        for (Identity i : policy.identities().values()) {
            addIssued(policy, i, out);
        }
        return out;
    }

    /** The credentials of one identity whose issuer is a declared system of {@code kind}. */
    static List<Issued> of(Policy policy, Identity identity, SystemKind kind) {
        List<Issued> out = new ArrayList<>();
        addIssued(policy, identity, out);
        out.removeIf(x -> x.issuer().kind() != kind);
        return out;
    }

    private static void addIssued(Policy policy, Identity i, List<Issued> out) {
        for (Credential c : i.credentials().values()) {
            ManagedSystem issuer = c.issuer() == null ? null : policy.system(c.issuer());
            if (issuer != null) {
                out.add(new Issued(i, c, issuer));
            }
        }
    }

    /** Every action of a credential's grants, in the order written; not to be modified. */
    static List<Located> actions(Credential c) {
        return joined(c.grants(), Grant::actions);
    }

    /** Every resource of a credential's grants, in the order written; not to be modified. */
    static List<Located> resources(Credential c) {
        return joined(c.grants(), Grant::resources);
    }

    /**
     * The lists of {@code grants}, one after the other: the one grant's own (immutable) list when
     * there is one, as for most credentials, so that the checks that each walk every credential's
     * actions or resources copy nothing.
     */
    private static List<Located> joined(List<Grant> grants, Function<Grant, List<Located>> part) {
        if (grants.size() == 1) {
            return part.apply(grants.get(0));
        }
        List<Located> out = new ArrayList<>();
        for (Grant g : grants) {
            out.addAll(part.apply(g));
        }
        return Collections.unmodifiableList(out);
    }
}
