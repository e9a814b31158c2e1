package dev.idflow.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Diff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The semantic change between two policies, one kind at a time. */
class PolicyDiffTest {

    static final String HEAD = """
            policy "p"
            system okta { kind idp can approve, suspend }
            system vault { kind vault can provision, revoke, rotate, expire }
            system aws { kind aws-iam account "1" can provision, revoke, expire }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            identity api {
              kind workload
              owner o
              token t { issuer vault ttl 1h rotate 1h }
              binding b { issuer aws ttl 1h allow "s3:GetObject", "s3:PutObject" on "arn:aws:s3:::x/*" }
            }
            """;

    static Policy policy(String text) {
        Policy p = TestRepo.checkText(text).policy();
        assertThat(p).isNotNull();
        return p;
    }

    static List<String> changes(String base, String head) {
        return PolicyDiff.compare(policy(base), policy(head)).stream()
                .map(c -> c.kind() + " " + c.description()).toList();
    }

    @Test
    void identicalPoliciesHaveNoChange() {
        assertThat(changes(HEAD, HEAD)).isEmpty();
    }

    @Test
    void lifetimesAndRotations() {
        assertThat(changes(HEAD, HEAD.replace("ttl 1h rotate 1h", "ttl 30d")))
                .containsExactly("LIFETIME_LONGER ttl of `api.t` longer: 1h to 30d",
                        "LIFETIME_LONGER rotation of `api.t` longer: 1h to never");
        assertThat(changes(HEAD.replace("ttl 1h rotate 1h", "ttl 30d"), HEAD))
                .containsExactly("LIFETIME_SHORTER ttl of `api.t` shorter: 30d to 1h",
                        "LIFETIME_SHORTER rotation of `api.t` shorter: never to 1h");
    }

    @Test
    void accessWidenedNarrowedAndWildcards() {
        assertThat(changes(HEAD, HEAD.replace("\"s3:GetObject\", ", "")))
                .containsExactly("ACCESS_NARROWED `api.b` no longer allows `s3:GetObject` on `arn:aws:s3:::x/*`");
        assertThat(changes(HEAD, HEAD.replace("\"s3:GetObject\", ", "\"s3:GetObject\", \"s3:DeleteObject\", ")))
                .containsExactly("ACCESS_WIDENED `api.b` now allows `s3:DeleteObject` on `arn:aws:s3:::x/*`");
        assertThat(changes(HEAD, HEAD.replace("arn:aws:s3:::x/*", "*")))
                .containsExactly("WILDCARD_ADDED `api.b` now allows `s3:GetObject` on `*`",
                        "WILDCARD_ADDED `api.b` now allows `s3:PutObject` on `*`");
        assertThat(changes(HEAD.replace("arn:aws:s3:::x/*", "*"), HEAD)).hasSize(1).first().asString()
                .startsWith("ACCESS_NARROWED");
    }

    @Test
    void aSystemLosingRevokeLosesEveryRevokerItWasAndShowsItsBlastRadius() {
        List<Change> changes = PolicyDiff.compare(policy(HEAD),
                policy(HEAD.replace("can provision, revoke, rotate, expire", "can provision, rotate, expire")));
        assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.REVOKER_LOST,
                Change.Kind.CAPABILITIES_CHANGED);
        Change system = changes.get(1);
        assertThat(system.description()).isEqualTo("system `vault` can no longer revoke");
        assertThat(system.blastRadius()).containsExactly("api.t");
    }

    @Test
    void addedAndRemovedThings() {
        String more = HEAD + """
                identity batch { kind pipeline owner o }
                delegate d { to o create workload in aws reconcile every 24h by aws }
                """;
        assertThat(changes(HEAD, more)).containsExactly("ADDED identity `batch` added with 0 credentials",
                "ADDED delegation `d` added: `o` may create workload in `aws`");
        assertThat(changes(more, HEAD)).containsExactly("REMOVED identity `batch` removed",
                "REMOVED delegation `d` removed");
        assertThat(PolicyDiff.compare(null, policy(HEAD))).extracting(Change::kind).contains(Change.Kind.ADDED)
                .doesNotContain(Change.Kind.REMOVED);
    }

    @Test
    void eachCodeIsJudgedAtTheStricterSeverityOfBaseAndHead() {
        Diff.Severities s = new Diff.Severities(Map.of("IDF203", Severity.ERROR),
                Map.of("IDF201", Severity.WARNING, "IDF203", Severity.INFO));
        assertThat(s.stricter()).containsExactlyInAnyOrderEntriesOf(Map.of("IDF201", Severity.ERROR,
                "IDF203", Severity.ERROR));
        assertThat(s.changed()).isTrue();
        assertThat(Diff.Severities.none().changed()).isFalse();
    }

    @Test
    void globCoverage() {
        assertThat(Glob.covers("s3:*", "s3:PutObject")).isTrue();
        assertThat(Glob.covers("s3:Put*", "s3:*")).isFalse();
        assertThat(Glob.covers("*", "a*b?")).isTrue();
        assertThat(Glob.covers("a?c", "abc")).isTrue();
        assertThat(Glob.covers("a?c", "a*c")).isFalse();
        assertThat(Glob.covers("s3:GetObject", "s3:GetObject")).isTrue();
        assertThat(Glob.covers("s3:GetObject", "s3:GetObjects")).isFalse();
        assertThat(Glob.covers("s3:GetObject", "s3:Get*")).isFalse();
        assertThat(Glob.covers("s3:Get*", "s3:Get*")).isTrue();
        assertThat(Glob.covers("*".repeat(200) + "x", "a".repeat(5000))).isFalse();
    }
}
