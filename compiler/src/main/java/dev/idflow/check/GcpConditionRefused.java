package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.End;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.GcpMembers;
import java.util.List;

/**
 * IDF907: an end (an {@code expires}, or an exception window) on a gcp-iam binding of a basic
 * role ({@code roles/owner}, {@code roles/editor}, {@code roles/viewer}) or for
 * {@code allUsers}/{@code allAuthenticatedUsers}: GCP refuses IAM conditions there, so the
 * end could not be emitted. The members judged are those the emitter binds
 * ({@link GcpMembers}): a credential's own, and an exception's principals, where
 * {@code identity:NAME} is NAME's member at that system.
 */
final class GcpConditionRefused implements Check {

    static final List<String> BASIC_ROLES = List.of("roles/owner", "roles/editor", "roles/viewer");
    static final List<String> PUBLIC_MEMBERS = GcpMembers.PUBLIC;

    static final RuleInfo INFO = new RuleInfo("IDF907", "GCP cannot end this binding", Severity.ERROR, "", "",
            "An end (`expires`, an exception) on a GCP basic role or for `allUsers`/`allAuthenticatedUsers`: "
                    + "GCP refuses conditions there.",
            "idflow ends GCP access with an IAM condition on `request.time`. GCP refuses conditions on the "
                    + "basic roles `roles/owner`, `roles/editor` and `roles/viewer` and on bindings for "
                    + "`allUsers` or `allAuthenticatedUsers`, so such an end cannot be enforced. Use a predefined "
                    + "role, and a principal of the identity's own.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        for (Targets.Issued x : ctx.issued(SystemKind.GCP_IAM)) {
            Credential c = x.credential();
            End end = End.earliest(c.expires(), x.identity().expires());
            if (end == null) {
                continue;
            }
            String role = basicRole(c);
            if (role != null) {
                x.in(ctx.report(c.spans().at("expires"), "basic", c.qualifiedName(), role, end.written()))
                        .help("grant a predefined role instead of `" + role + "`");
            } else if (binds(c) && PUBLIC_MEMBERS.contains(GcpMembers.member(c, x.issuer()))) {
                x.in(ctx.report(c.spans().at("expires"), "public", c.qualifiedName(), c.member(), end.written()))
                        .help("bind the identity's own service account instead of `" + c.member() + "`");
            }
        }
        for (ExceptionGrant e : policy.exceptions().values()) {
            for (ExceptionGrant.GrantTo g : e.grants()) {
                Credential c = policy.credential(g.identity(), g.credential());
                ManagedSystem issuer = c == null ? null : policy.system(c.issuer());
                if (issuer == null || issuer.kind() != SystemKind.GCP_IAM) {
                    continue;
                }
                String role = basicRole(c);
                if (role != null) {
                    ctx.report(g.span(), "exception", e.name(), g.qualifiedName(), role)
                            .help("grant a credential with a predefined role in the exception")
                            .subject("exception " + e.name() + " grant " + g.qualifiedName())
                            .monitoredBy(issuer.monitored());
                }
                // The members the window is bound to, as the emitter writes them (identity:NAME
                // is NAME's member at this system).
                for (Located p : binds(c) ? g.principals() : List.<Located>of()) {
                    String member = GcpMembers.principal(policy, issuer, p.value());
                    if (!GcpMembers.PUBLIC.contains(member)) {
                        continue;
                    }
                    ctx.report(p.span(), "exceptionPublic", e.name(), g.qualifiedName(), p.value(), member,
                                    issuer.name())
                            .help("grant it to a principal of its own, not to an identity whose member at `"
                                    + issuer.name() + "` is `" + member + "`")
                            .subject("exception " + e.name() + " grant " + g.qualifiedName() + " principal "
                                    + p.value())
                            .monitoredBy(issuer.monitored());
                }
            }
        }
    }

    /** True when the emitter writes a binding for {@code c}: one per role it is allowed, and resource. */
    private static boolean binds(Credential c) {
        return !Targets.actions(c).isEmpty();
    }

    private static String basicRole(Credential c) {
        return Targets.actions(c).stream().map(Located::value).filter(BASIC_ROLES::contains).findFirst()
                .orElse(null);
    }
}
