package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import java.time.Duration;
import java.util.List;

/**
 * The AWS role of TARGETS.md ({@code aws/SYSTEM/IDENTITY.role.json}): for which identity it
 * is written, its name and its session lifetime. The emitter writes it from these facts and
 * IDF901 and IDF911 judge them, so a role judged is a role written.
 */
public final class AwsRole {

    /** The longest role name AWS accepts. */
    public static final int MAX_NAME = 64;
    /** The bounds of a role's {@code MaxSessionDuration}. */
    public static final Duration MIN_SESSION = Duration.ofHours(1);
    public static final Duration MAX_SESSION = Duration.ofHours(12);

    private AwsRole() {
    }

    /** TARGETS.md: {@code idflow-IDENTITY}. */
    public static String name(String identity) {
        return "idflow-" + identity;
    }

    /** A session is a role session, that is a binding or a token; an access key or a secret is not. */
    public static boolean isSession(Credential c) {
        return c.type() == CredentialType.BINDING || c.type() == CredentialType.TOKEN;
    }

    /**
     * True when an identity whose credentials at one aws-iam system are {@code credentials}
     * gets a role there: when it has a policy document there ({@code statements}, those of
     * {@link AwsPolicy#identityStatements}) or a session.
     */
    public static boolean written(List<AwsPolicy.Statement> statements, List<Credential> credentials) {
        return !statements.isEmpty() || credentials.stream().anyMatch(AwsRole::isSession);
    }

    /**
     * The role's {@code MaxSessionDuration} in seconds: the smallest {@code ttl} of the
     * sessions among {@code credentials}, {@link #MIN_SESSION} when none; clamped to AWS's
     * bounds (IDF901 makes a ttl outside them an error, so the clamp only matters where that
     * finding was turned down in the configuration).
     */
    public static long maxSessionSeconds(List<Credential> credentials) {
        long seconds = credentials.stream()
                .filter(AwsRole::isSession)
                .map(Credential::ttl)
                .filter(t -> t != null)
                .mapToLong(Duration::getSeconds)
                .min()
                .orElse(MIN_SESSION.getSeconds());
        return Math.max(MIN_SESSION.getSeconds(), Math.min(MAX_SESSION.getSeconds(), seconds));
    }
}
