package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The members of the GCP IAM bindings of TARGETS.md: who a credential binds, and who an
 * exception's principal is at a gcp-iam system. The GCP emitter writes these members and
 * IDF504, IDF907 and IDF912 judge them, so a member judged is a member written.
 */
public final class GcpMembers {

    /** The members GCP refuses a condition for. */
    public static final List<String> PUBLIC = List.of("allUsers", "allAuthenticatedUsers");

    /** A GCP service-account id: 6 to 30 of {@code [a-z0-9-]}, starting with a letter. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[a-z][a-z0-9-]{5,29}");

    private static final String IDENTITY = "identity:";

    private GcpMembers() {
    }

    /** LANGUAGE.md: {@code serviceAccount:<identity>@<project>.iam.gserviceaccount.com}. */
    public static String defaultMember(String identity, String project) {
        return "serviceAccount:" + identity + "@" + project + ".iam.gserviceaccount.com";
    }

    /** True when {@code id} can be a GCP service-account id, as a default member's identity must. */
    public static boolean validAccountId(String id) {
        return ACCOUNT_ID.matcher(id).matches();
    }

    /** The member a credential of {@code system} binds: its declared {@code member}, else its identity's service account. */
    public static String member(Credential credential, ManagedSystem system) {
        return credential.member() != null ? credential.member() : defaultMember(credential.identity(), system.project());
    }

    /** NAME of an {@code identity:NAME} principal; null for any other principal. */
    public static String identityOf(String principal) {
        return principal.startsWith(IDENTITY) ? principal.substring(IDENTITY.length()) : null;
    }

    /**
     * The {@code member} that {@code identity} declares at {@code system}: that of the first
     * of its credentials (in name order) issued there that declares one; null when none
     * does (or there is no such identity), and then its member there is its default one.
     */
    public static String declaredMember(Policy policy, ManagedSystem system, String identity) {
        Identity i = policy.identities().get(identity);
        if (i == null) {
            return null;
        }
        for (Credential c : i.credentials().values()) {
            if (system.name().equals(c.issuer()) && c.member() != null) {
                return c.member();
            }
        }
        return null;
    }

    /**
     * An exception's principal as a member of {@code system}: {@code identity:NAME} is that
     * identity's own member there ({@link #declaredMember}, else its default service
     * account); any other principal is already a member.
     */
    public static String principal(Policy policy, ManagedSystem system, String principal) {
        String identity = identityOf(principal);
        if (identity == null) {
            return principal;
        }
        String declared = declaredMember(policy, system, identity);
        return declared != null ? declared : defaultMember(identity, system.project());
    }
}
