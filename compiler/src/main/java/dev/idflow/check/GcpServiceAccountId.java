package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.GcpMembers;

/**
 * IDF912: a default GCP member that would be an invalid service-account id: the identity's
 * name must be 6-30 of {@code [a-z0-9-]}, starting with a letter. Judged where the emitter
 * binds a default member ({@link GcpMembers}): a gcp-iam credential without {@code member},
 * and an exception's {@code identity:NAME} principal on a gcp-iam credential when NAME has
 * no credential at that system (one without {@code member} is reported itself).
 */
final class GcpServiceAccountId implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF912", "Invalid default GCP service account", Severity.ERROR, "",
            "",
            "The default member of a gcp-iam credential would be an invalid service-account id: set `member`.",
            "Without `member`, a gcp-iam credential binds `serviceAccount:IDENTITY@PROJECT.iam.gserviceaccount.com`, "
                    + "and so does an exception that grants a gcp-iam credential to `identity:IDENTITY`. "
                    + "GCP service-account ids are 6 to 30 lower-case letters, digits or hyphens, starting with a "
                    + "letter; an identity name outside that cannot be one. Set `member` to the real principal.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.GCP_IAM)) {
            String id = x.identity().name();
            if (x.credential().member() != null || valid(id)) {
                continue;
            }
            x.in(ctx.report(x.credential().spans().name(), "message", x.credential().qualifiedName(), id))
                    .help("set `member \"serviceAccount:ID@" + x.issuer().project()
                            + ".iam.gserviceaccount.com\"` with a valid id");
        }
        for (ExceptionGrant e : policy.exceptions().values()) {
            for (ExceptionGrant.GrantTo g : e.grants()) {
                Credential c = policy.credential(g.identity(), g.credential());
                ManagedSystem issuer = c == null ? null : policy.system(c.issuer());
                if (issuer == null || issuer.kind() != SystemKind.GCP_IAM || Targets.actions(c).isEmpty()) {
                    continue;
                }
                for (Located p : g.principals()) {
                    String id = GcpMembers.identityOf(p.value());
                    // An identity with credentials at this system declares a member there, or
                    // each of them is already reported above.
                    if (id == null || valid(id) || issues(policy, id, issuer)) {
                        continue;
                    }
                    ctx.report(p.span(), "exception", e.name(), g.qualifiedName(), p.value(), issuer.name(), id)
                            .help("set `member` on a credential of `" + id + "` at `" + issuer.name()
                                    + "`, or grant it to the real principal")
                            .subject("exception " + e.name() + " grant " + g.qualifiedName() + " principal "
                                    + p.value())
                            .monitoredBy(issuer.monitored());
                }
            }
        }
    }

    private static boolean issues(Policy policy, String identity, ManagedSystem system) {
        Identity i = policy.identities().get(identity);
        return i != null && i.credentials().values().stream().anyMatch(c -> system.name().equals(c.issuer()));
    }

    /** True when {@code id} is a valid GCP service-account id. */
    static boolean valid(String id) {
        return GcpMembers.validAccountId(id);
    }
}
