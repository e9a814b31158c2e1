package dev.idflow.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.model.Event;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolving in two steps: each file read alone as soon as it is parsed, then all of them
 * linked. What a file alone cannot decide (names declared elsewhere) waits for the link, and
 * the result is that of resolving the syntax trees of all files at once.
 */
class ResolverReadLinkTest {

    private static final String SYSTEMS = """
            policy "p" { }
            system vault-main { kind vault  address "https://vault.example"  can provision, revoke, rotate, expire }
            system aws-prod   { kind aws-iam  account "123456789012"  can provision, revoke, expire }
            owner team { contact "team@example.com" }
            source create, update, suspend, delete from vault-main
            """;

    /** Refers to systems and an owner of systems.idflow, which sorts after it. */
    private static final String IDENTITIES = """
            identity api {
              kind workload
              owner team
              source delete from aws-prod
              token login { issuer vault-main  revoker aws-prod  stored-in vault-main  ttl 1h
                            allow "read" on "secret/data/api/*" }
              key deploy { issuer aws-prod  ttl 12h  allow "s3:GetObject" }
            }
            identity worker {
              kind batch
              owner nobody
              token login { issuer vault-mian  ttl 1h }
            }
            """;

    /** The same name again, with a mistake of its own that must not be reported. */
    private static final String DUPLICATE = """
            identity api {
              kind robot
              owner team
            }
            """;

    private static Resolver.ReadFile read(String path, String text) {
        ParsedFile parsed = PolicyParser.parseText(path, text);
        assertThat(parsed.diagnostics()).isEmpty();
        return Resolver.read(parsed.ast());
    }

    private static List<String> findings(Resolution r) {
        return r.diagnostics().stream().sorted(Diagnostic.ORDER)
                .map(d -> d.span() + " " + d.code() + " " + d.message()).toList();
    }

    @Test
    void referencesToOtherFilesAreResolvedWhenLinking() {
        Resolution r = Resolver.link(List.of(read("a.idflow", IDENTITIES), read("systems.idflow", SYSTEMS)));

        var api = r.policy().identities().get("api");
        assertThat(api.owner()).isEqualTo("team");
        assertThat(api.sources().get(Event.DELETE).system()).isEqualTo("aws-prod");
        assertThat(api.sources().get(Event.CREATE).system()).isEqualTo("vault-main");
        var login = api.credentials().get("login");
        assertThat(login.issuer()).isEqualTo("vault-main");
        assertThat(login.revoker()).isEqualTo("aws-prod");
        assertThat(login.revokerDeclared()).isTrue();
        assertThat(login.storedIn()).extracting(l -> l.value()).containsExactly("vault-main");
        assertThat(findings(r)).containsExactly(
                "a.idflow:7:42 IDF006 `allow` needs `on` for `aws-prod` (kind aws-iam): only gcp-iam grants on the"
                        + " project itself",
                "a.idflow:10:8 IDF005 unknown identity kind `batch`; expected one of workload, service-account,"
                        + " pipeline, third-party, ephemeral, agent",
                "a.idflow:11:9 IDF003 unknown owner `nobody`",
                "a.idflow:12:24 IDF003 unknown system `vault-mian`");
        var worker = r.policy().identities().get("worker");
        assertThat(worker.kind()).isNull();
        assertThat(worker.owner()).isNull();
        assertThat(worker.credentials().get("login").issuer()).isNull();
    }

    @Test
    void theSecondDeclarationOfANameIsNeitherResolvedNorReportedBeyondIt() {
        Resolution r = Resolver.link(List.of(read("a.idflow", IDENTITIES), read("b.idflow", DUPLICATE),
                read("systems.idflow", SYSTEMS)));

        assertThat(findings(r)).filteredOn(f -> f.startsWith("b.idflow")).hasSize(1)
                .allMatch(f -> f.contains(" IDF002 "));
        assertThat(r.policy().identities().get("api").kind()).isNotNull();
    }

    @Test
    void filesReadOnceLinkToTheSameResultInAnyOrderAndAsOften() {
        List<Resolver.ReadFile> files = List.of(read("a.idflow", IDENTITIES), read("b.idflow", DUPLICATE),
                read("systems.idflow", SYSTEMS));
        Resolution first = Resolver.link(files);
        Resolution again = Resolver.link(List.of(files.get(2), files.get(0), files.get(1)));

        assertThat(again.policy()).isEqualTo(first.policy());
        assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
        Resolution whole = Resolver.resolve(List.of(PolicyParser.parseText("systems.idflow", SYSTEMS).ast(),
                PolicyParser.parseText("b.idflow", DUPLICATE).ast(),
                PolicyParser.parseText("a.idflow", IDENTITIES).ast()));
        assertThat(whole.policy()).isEqualTo(first.policy());
        assertThat(whole.diagnostics()).isEqualTo(first.diagnostics());
    }
}
