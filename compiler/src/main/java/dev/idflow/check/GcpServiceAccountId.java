package dev.idflow.check;

import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.diag.Severity;
import java.util.regex.Pattern;

/**
 * IDF912: a gcp-iam credential without {@code member} whose default member would be an
 * invalid service-account id: the identity's name must be 6-30 of {@code [a-z0-9-]}, starting
 * with a letter.
 */
final class GcpServiceAccountId implements Check {

    static final Pattern ACCOUNT_ID = Pattern.compile("[a-z][a-z0-9-]{5,29}");

    static final RuleInfo INFO = new RuleInfo("IDF912", "Invalid default GCP service account", Severity.ERROR, "",
            "",
            "The default member of a gcp-iam credential would be an invalid service-account id: set `member`.",
            "Without `member`, a gcp-iam credential binds `serviceAccount:IDENTITY@PROJECT.iam.gserviceaccount.com`. "
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
    }

    /** True when {@code id} is a valid GCP service-account id. */
    static boolean valid(String id) {
        return ACCOUNT_ID.matcher(id).matches();
    }
}
