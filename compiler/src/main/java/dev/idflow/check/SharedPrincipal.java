package dev.idflow.check;

import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import dev.idflow.target.GcpMembers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF504: one principal ({@code member}, or the default GCP service account) is shared by
 * several identities. The principal belongs to the identity whose default member it is,
 * else to the first identity by name; the finding stands in each other identity's credential.
 */
final class SharedPrincipal implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF504", "Principal shared by several identities",
            Severity.WARNING, "NHI9", "PR.AA-01",
            "One principal (`member`) is shared by several identities.",
            "When identities share a principal, the access of one is the access of all, the audit trail cannot "
                    + "tell them apart, and offboarding one breaks or keeps the others. Give every identity its "
                    + "own principal (the default service account of a gcp-iam credential is the identity's own).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        Map<String, List<Targets.Issued>> byPrincipal = new LinkedHashMap<>();
        Map<String, String> defaultOwner = new LinkedHashMap<>();
        for (Targets.Issued x : ctx.issued()) {
            String principal = principal(x);
            if (principal == null) {
                continue;
            }
            byPrincipal.computeIfAbsent(principal, k -> new ArrayList<>()).add(x);
            if (x.credential().member() == null) {
                defaultOwner.putIfAbsent(principal, x.identity().name());
            }
        }
        byPrincipal.forEach((principal, users) -> {
            String owner = defaultOwner.getOrDefault(principal, users.get(0).identity().name());
            for (Targets.Issued x : users) {
                if (x.identity().name().equals(owner)) {
                    continue;
                }
                x.in(ctx.report(x.credential().spans().at("member"), "message", x.credential().qualifiedName(),
                                SecretPatterns.shown(principal), owner))
                        .help("give `" + x.identity().name() + "` a principal of its own");
            }
        });
    }

    /** The declared member, or for gcp-iam the default service account; null when neither. */
    static String principal(Targets.Issued x) {
        if (x.credential().member() != null) {
            return x.credential().member();
        }
        if (x.issuer().kind() != SystemKind.GCP_IAM || x.issuer().project() == null) {
            return null;
        }
        return GcpMembers.member(x.credential(), x.issuer());
    }
}
