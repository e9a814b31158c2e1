package dev.idflow.cli;

import dev.idflow.GitRepo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy repository with the history of a few pull requests: {@code main} has three commits (no
 * policy yet, systems, identities) and one branch per pull request off its tip.
 */
final class PullRequestFixture {

    static final String SYSTEMS = """
            policy "acme" { max-break-glass 4h }

            system okta     { kind idp      can approve, suspend }
            system erp      { kind app      can provision, suspend, expire }
            system gateway  { kind opa      can enforce, revoke }
            system aws-prod { kind aws-iam  account "123456789012"  can provision, revoke, rotate, expire }

            owner team   { contact "team@acme.example" }
            owner secops { contact "secops@acme.example" }

            source create, update, suspend, delete from okta
            """;

    static final String API = """
            identity api {
              kind workload
              owner team

              key signing {
                issuer erp
                ttl 24h
                revoker gateway
              }

              binding http {
                issuer gateway
                expires 2027-06-30
                allow "GET" on "/payments/*"
              }

              binding s3-writer {
                issuer aws-prod
                expires 2027-06-30
                allow "s3:PutObject" on "arn:aws:s3:::payments/*"
              }
            }
            """;

    static final String LEGACY = """
            identity legacy {
              kind third-party
              owner team
              expires 2027-12-31

              key old {
                issuer erp
                ttl 90d
              }
            }
            """;

    static final String BREAK_GLASS = """
            exception incident-4711 {
              grant api.s3-writer to "user:alice@acme.example"
              approver secops
              ticket "INC-4711"
              reason "restore the payments bucket"
              from 2026-11-29T10:00:00Z for 4h
              break-glass
            }
            """;

    private PullRequestFixture() {
    }

    /** Builds the repository at {@code dir}; the working tree is left on {@code main}. */
    static GitRepo build(Path dir) {
        GitRepo r = GitRepo.init(dir);
        r.write("README.md", "# acme policies\n").commit("Start the repository");
        r.write("policies/systems.idflow", SYSTEMS).commit("Add the systems");
        r.write("policies/identities.idflow", API + "\n" + LEGACY).commit("Add the identities");

        r.branch("remove-revoker");
        r.write("policies/identities.idflow", (API + "\n" + LEGACY).replace("    revoker gateway\n", ""));
        r.commit("Drop the gateway revoker");

        r.checkout("main").branch("break-glass");
        r.write("policies/exceptions.idflow", BREAK_GLASS).commit("Grant Alice break-glass access");

        r.checkout("main").branch("move");
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("policies/identities.idflow", "# the API workload\n\n" + API.replace("  ", "    "));
        moved.put("policies/third-party/legacy.idflow", "\n\n" + LEGACY);
        r.write(moved).commit("Move the legacy identity to its own file and reformat");

        r.checkout("main").branch("widen");
        r.write("policies/identities.idflow", (API + "\n" + LEGACY).replace("s3:PutObject", "s3:*"));
        r.commit("Let the writer do anything in S3");

        return r.checkout("main");
    }
}
