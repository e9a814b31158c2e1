package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Taking a promise away never makes a policy look better: removing a capability, or a
 * {@code revoker} attribute, never lowers the number of error findings (except the IDF202
 * that the removed revoker itself caused); and no waiver lowers an IDF0xx or IDF805 finding.
 */
class MonotonicityProperties {

    private static final List<String> CAPABILITIES =
            List.of("provision", "revoke", "rotate", "suspend", "expire", "approve", "store", "enforce", "audit");
    private static final List<String> TYPES = List.of("secret", "token", "key", "binding");

    record Sys(Set<String> caps, boolean monitor) {
    }

    record Cred(String type, int issuer, int revoker, int storedIn, String ttl, boolean rotate) {
    }

    /** A generated policy: systems s0..sN, identities i0..iM with credentials c0..cK. */
    record Pol(List<Sys> systems, List<List<Cred>> identities, boolean languageError) {

        String render(List<String> waivers) {
            StringBuilder b = new StringBuilder("policy \"p\"\nsystem hr { kind itsm can approve }\n"
                    + "source create, update, suspend, delete from hr\nowner o { contact \"o@example.org\" }\n"
                    + "expiry secret, key { max 90d rotate 30d }\nexpiry token { max 24h }\n");
            for (int s = 0; s < systems.size(); s++) {
                Sys sys = systems.get(s);
                b.append("system s").append(s).append(" { kind app");
                if (!sys.caps().isEmpty()) {
                    b.append(" can ").append(String.join(", ", new TreeSet<>(sys.caps())));
                }
                b.append(sys.monitor() ? " mode monitor" : "").append(" }\n");
            }
            for (int i = 0; i < identities.size(); i++) {
                b.append("identity i").append(i).append(" {\n  kind workload\n  owner o\n");
                if (i == 0) {
                    waivers.forEach(w -> b.append("  ").append(w).append('\n'));
                }
                List<Cred> creds = identities.get(i);
                for (int c = 0; c < creds.size(); c++) {
                    Cred cred = creds.get(c);
                    b.append("  ").append(cred.type()).append(" c").append(c).append(" {\n    issuer ")
                            .append(languageError && i == 0 && c == 0 ? "nosuch" : "s" + cred.issuer())
                            .append("\n    ttl ").append(cred.ttl()).append('\n');
                    if (cred.revoker() >= 0) {
                        b.append("    revoker s").append(cred.revoker()).append('\n');
                    }
                    if (cred.storedIn() >= 0) {
                        b.append("    stored-in s").append(cred.storedIn()).append('\n');
                    }
                    if (cred.rotate()) {
                        b.append("    rotate 1d\n");
                    }
                    b.append("  }\n");
                }
                b.append("}\n");
            }
            return b.toString();
        }

        String render() {
            return render(List.of());
        }

        Pol withoutCapability(int system, String capability) {
            List<Sys> copy = new ArrayList<>(systems);
            Set<String> caps = new TreeSet<>(copy.get(system).caps());
            caps.remove(capability);
            copy.set(system, new Sys(caps, copy.get(system).monitor()));
            return new Pol(copy, identities, languageError);
        }

        Pol withoutRevoker(int identity, int credential) {
            List<List<Cred>> copy = new ArrayList<>(identities);
            List<Cred> creds = new ArrayList<>(copy.get(identity));
            Cred c = creds.get(credential);
            creds.set(credential, new Cred(c.type(), c.issuer(), -1, c.storedIn(), c.ttl(), c.rotate()));
            copy.set(identity, creds);
            return new Pol(systems, copy, languageError);
        }
    }

    @Provide
    Arbitrary<Pol> policies() {
        Arbitrary<Sys> system = Combinators.combine(
                Arbitraries.of(CAPABILITIES).set().ofMaxSize(CAPABILITIES.size()),
                Arbitraries.integers().between(0, 4).map(n -> n == 0)).as(Sys::new);
        return system.list().ofMinSize(1).ofMaxSize(4).flatMap(systems -> {
            int n = systems.size();
            Arbitrary<Cred> cred = Combinators.combine(
                    Arbitraries.of(TYPES),
                    Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(-1, n - 1),
                    Arbitraries.integers().between(-1, n - 1),
                    Arbitraries.of("1h", "2d", "60d", "200d"),
                    Arbitraries.of(true, false)).as(Cred::new);
            return Combinators.combine(
                    Arbitraries.just(systems),
                    cred.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3),
                    Arbitraries.integers().between(0, 5).map(k -> k == 0)).as(Pol::new);
        });
    }

    private static Analysis check(String text) {
        return TestRepo.checkText(text);
    }

    private static long errors(Analysis a) {
        return a.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    @Property(tries = 150)
    void removingACapabilityNeverLowersTheErrors(@ForAll("policies") Pol policy,
            @ForAll("indexes") int systemPick, @ForAll("capabilities") String capability) {
        int system = systemPick % policy.systems().size();
        long before = errors(check(policy.render()));
        long after = errors(check(policy.withoutCapability(system, capability).render()));
        assertThat(after).as("errors after removing `%s` from s%d", capability, system).isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 150)
    void removingARevokerNeverLowersTheErrorsBeyondItsOwnIdf202(@ForAll("policies") Pol policy,
            @ForAll("indexes") int identityPick, @ForAll("indexes") int credentialPick) {
        int identity = identityPick % policy.identities().size();
        int credential = credentialPick % policy.identities().get(identity).size();
        Analysis before = check(policy.render());
        Analysis after = check(policy.withoutRevoker(identity, credential).render());
        String subject = "credential i" + identity + ".c" + credential;
        long ownIdf202 = before.diagnostics().stream().filter(d -> d.code().equals("IDF202")
                && d.subject().equals(subject) && d.severity() == Severity.ERROR).count();
        assertThat(errors(after)).as("errors after removing the revoker of %s", subject)
                .isGreaterThanOrEqualTo(errors(before) - ownIdf202);
    }

    @Property(tries = 150)
    void waiversNeverLowerLanguageErrorsOrInvalidWaivers(@ForAll("policies") Pol policy,
            @ForAll("waivers") List<String> waivers) {
        Analysis without = check(policy.render());
        Analysis with = check(policy.render(waivers));
        List<Diagnostic> fixed = with.diagnostics().stream().filter(d -> Codes.fixed(d.code())).toList();
        assertThat(fixed).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(fixed.size()).isGreaterThanOrEqualTo(
                (int) without.diagnostics().stream().filter(d -> Codes.fixed(d.code())).count());
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 100);
    }

    @Provide
    Arbitrary<String> capabilities() {
        return Arbitraries.of(CAPABILITIES);
    }

    @Provide
    Arbitrary<List<String>> waivers() {
        Arbitrary<String> code = Arbitraries.of("IDF003", "IDF005", "IDF201", "IDF202", "IDF301", "IDF302",
                "IDF303", "IDF805", "IDF804");
        Arbitrary<String> reason = Arbitraries.of("\"runbook RB-1\"", "\"\"");
        Arbitrary<String> until = Arbitraries.of("2027-01-31", "2026-01-31");
        return Combinators.combine(code, reason, until).as((c, r, u) -> "waive " + c + " " + r + " until " + u)
                .list().ofMaxSize(4);
    }

    /** The codes whose findings no waiver or setting may lower. */
    private static final class Codes {
        static boolean fixed(String code) {
            return dev.idflow.model.diag.Codes.fixedSeverity(code);
        }
    }
}
