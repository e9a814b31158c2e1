package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.End;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import java.time.Instant;

/** When what a target grants stops being valid, as every target writes it. */
public final class Ends {

    private Ends() {
    }

    /**
     * The first instant at which the credential is no longer valid: the earlier of its own
     * {@code expires} and its identity's; null when neither has one. A {@code ttl} is the
     * lifetime of each issued value, not an end, so it plays no part.
     */
    public static Instant notAfter(Policy policy, Credential credential) {
        Identity identity = policy.identities().get(credential.identity());
        End end = End.earliest(credential.expires(), identity == null ? null : identity.expires());
        return end == null ? null : end.instant();
    }

    /**
     * The end of an exception's grant of {@code credential}: its {@code until}, but never
     * later than the credential itself (no one else may use it after its owner cannot);
     * null when the exception has no end (a policy that compiles always has one).
     */
    public static Instant exceptionEnd(Policy policy, ExceptionGrant exception, Credential credential) {
        if (exception.until() == null) {
            return null;
        }
        Instant notAfter = notAfter(policy, credential);
        return notAfter != null && notAfter.isBefore(exception.until()) ? notAfter : exception.until();
    }
}
