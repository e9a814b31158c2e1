package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Owner;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.Spans;
import dev.idflow.model.Waiver;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IDF601: a string of the policy looks like a secret value ({@link SecretPatterns}). The
 * finding stands on the whole string, names where it is and what it looks like, and never
 * repeats the value; the reports mask the text at its span.
 */
final class SecretInString implements Check {

    static final RuleInfo INFO = new RuleInfo("IDF601", "Secret value in the policy", Severity.ERROR, "NHI2",
            "PR.DS-01",
            "A string looks like a secret value: an AWS access key id, a private key block, a GitHub, Slack or "
                    + "GitLab token, a JWT, or a long high-entropy string. The value is never repeated.",
            "A policy repository is read by many people and kept forever in Git history: a secret written "
                    + "into it is leaked. idflow describes where credentials live and who may use them, never "
                    + "their values. Remove the value, rotate the secret (it must be treated as compromised), "
                    + "and refer to it by its path in a secret store.");

    /** Where a string stands: a readable place, the spans it covers, and the waiver scope. */
    private record Place(String label, List<SourceSpan> spans, String identity, String credential,
            boolean monitored) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void run(Policy policy, CheckContext ctx) {
        Declarations declarations = null;
        Map<String, Integer> perPlace = new HashMap<>();
        for (Located s : policy.strings()) {
            String kind = SecretPatterns.find(s.value());
            if (kind == null) {
                continue;
            }
            if (declarations == null) {
                declarations = new Declarations(policy);
            }
            Place p = declarations.placesAround(s.span()).stream()
                    .filter(pl -> pl.spans().stream().anyMatch(sp -> contains(sp, s.span())))
                    .findFirst().orElse(new Place("a string", List.of(), null, null, false));
            Finding f = ctx.report(s.span(), "message", p.label(), kind)
                    .help("remove the value and rotate it: treat it as leaked; refer to the secret by its path "
                            + "in a secret store")
                    .subject(subject(p, perPlace))
                    .monitoredBy(p.monitored());
            if (p.credential() != null) {
                f.in(p.identity(), p.credential());
            } else if (p.identity() != null) {
                f.in(p.identity());
            }
        }
    }

    /**
     * {@code secret in credential app.key}, numbered from the second secret of a block on: no
     * line or column, so that `idflow diff` matches the finding across a reformatted or moved
     * block and reports it as neither fixed nor new.
     */
    private static String subject(Place p, Map<String, Integer> perPlace) {
        String label = p.label().replace("`", "");
        int n = perPlace.merge(label, 1, Integer::sum);
        return "secret in " + label + (n == 1 ? "" : " (" + n + ")");
    }

    /**
     * The top-level declarations that hold strings, by file and in the order they start. A
     * string belongs to the last declaration that starts before it (declarations do not nest),
     * so finding its place takes a binary search and the places of one declaration, not of the
     * whole policy.
     */
    private static final class Declarations {
        private final Policy policy;
        private final Map<String, List<Declared>> byFile = new HashMap<>();

        /** A declaration's name, and its places (innermost first) made on demand. */
        private record Declared(SourceSpan name, Object declaration) {
        }

        Declarations(Policy policy) {
            this.policy = policy;
            policy.identities().values().forEach(i -> add(i.spans().name(), i));
            policy.exceptions().values().forEach(e -> add(e.spans().name(), e));
            policy.systems().values().forEach(x -> add(x.spans().name(), x));
            policy.owners().values().forEach(o -> add(o.spans().name(), o));
            add(policy.spans().name(), policy);
            byFile.values().forEach(list -> list.sort(Comparator.comparing(Declared::name)));
        }

        private void add(SourceSpan name, Object declaration) {
            byFile.computeIfAbsent(name.file(), f -> new ArrayList<>()).add(new Declared(name, declaration));
        }

        /** The places of the declaration that a string at {@code span} can stand in. */
        List<Place> placesAround(SourceSpan span) {
            List<Declared> list = byFile.getOrDefault(span.file(), List.of());
            int low = 0;
            int high = list.size() - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (startsBefore(list.get(mid).name(), span)) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found < 0 ? List.of() : places(list.get(found).declaration());
        }

        private static boolean startsBefore(SourceSpan a, SourceSpan b) {
            return a.startLine() < b.startLine() || a.startLine() == b.startLine() && a.startCol() <= b.startCol();
        }

        private List<Place> places(Object declaration) {
            List<Place> out = new ArrayList<>();
            if (declaration instanceof Identity i) {
                for (Credential c : i.credentials().values()) {
                    List<SourceSpan> spans = attributes(c.spans());
                    c.grants().stream().map(Grant::span).forEach(spans::add);
                    c.waivers().stream().map(Waiver::span).forEach(spans::add);
                    boolean monitored = Systems.issuedByMonitored(policy, c);
                    out.add(new Place("credential `" + c.qualifiedName() + "`", spans, i.name(), c.name(),
                            monitored));
                }
                List<SourceSpan> spans = attributes(i.spans());
                i.waivers().stream().map(Waiver::span).forEach(spans::add);
                out.add(new Place("identity `" + i.name() + "`", spans, i.name(), null, false));
            } else if (declaration instanceof ExceptionGrant e) {
                List<SourceSpan> spans = attributes(e.spans());
                e.grants().stream().map(ExceptionGrant.GrantTo::span).forEach(spans::add);
                out.add(new Place("exception `" + e.name() + "`", spans, null, null, false));
            } else if (declaration instanceof ManagedSystem x) {
                out.add(new Place("system `" + x.name() + "`", attributes(x.spans()), null, null, false));
            } else if (declaration instanceof Owner o) {
                out.add(new Place("owner `" + o.name() + "`", attributes(o.spans()), null, null, false));
            } else {
                out.add(new Place("the policy name", List.of(policy.spans().name()), null, null, false));
            }
            return out;
        }
    }

    private static List<SourceSpan> attributes(Spans spans) {
        List<SourceSpan> list = new ArrayList<>();
        for (Map.Entry<String, SourceSpan> e : spans.attributes().entrySet()) {
            list.add(e.getValue());
        }
        return list;
    }

    private static boolean contains(SourceSpan outer, SourceSpan inner) {
        if (!outer.file().equals(inner.file())) {
            return false;
        }
        boolean startsAfter = outer.startLine() < inner.startLine()
                || (outer.startLine() == inner.startLine() && outer.startCol() <= inner.startCol());
        boolean endsBefore = inner.endLine() < outer.endLine()
                || (inner.endLine() == outer.endLine() && inner.endCol() <= outer.endCol());
        return startsAfter && endsBefore;
    }
}
