package dev.idflow.model;

import java.time.Duration;
import java.util.List;

/**
 * A credential as its own lifecycle object: who issues it, who revokes it (the issuer
 * unless declared), how long it lives, how often it rotates, where copies are kept and
 * what it grants.
 */
public record Credential(
        String identity,
        String name,
        CredentialType type,
        String issuer,
        String revoker,
        boolean revokerDeclared,
        Duration ttl,
        End expires,
        Duration rotate,
        List<Located> storedIn,
        String path,
        String member,
        List<Grant> grants,
        List<Waiver> waivers,
        Spans spans) {

    public Credential {
        storedIn = List.copyOf(storedIn);
        grants = List.copyOf(grants);
        waivers = List.copyOf(waivers);
    }

    /** {@code identity.credential}, the name used everywhere outside the identity. */
    public String qualifiedName() {
        return identity + "." + name;
    }
}
