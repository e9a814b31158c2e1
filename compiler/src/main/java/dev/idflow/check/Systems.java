package dev.idflow.check;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import java.util.List;

/** Small questions that several checks ask about systems. */
final class Systems {

    private Systems() {
    }

    /** True when the credential's issuer is in {@code mode monitor}. */
    static boolean issuedByMonitored(Policy policy, Credential c) {
        ManagedSystem issuer = policy.system(c.issuer());
        return issuer != null && issuer.monitored();
    }

    /** True when the named system exists and has the capability. */
    static boolean can(Policy policy, String system, Capability capability) {
        ManagedSystem s = system == null ? null : policy.system(system);
        return s != null && s.can(capability);
    }

    /** The credential named {@code identity.credential} (as flow steps name it), or null. */
    static Credential credential(Policy policy, String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return policy.credential(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** The {@code stored-in} entry of {@code c} that names {@code system}. */
    static Located storedIn(Credential c, String system) {
        return c.storedIn().stream().filter(l -> l.value().equals(system)).findFirst().orElseThrow();
    }

    /** The names of the systems that can {@code capability}, for suggestions ("none" when empty). */
    static String thatCan(Policy policy, Capability capability) {
        List<String> names = policy.systems().values().stream().filter(s -> s.can(capability))
                .map(s -> "`" + s.name() + "`").toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
