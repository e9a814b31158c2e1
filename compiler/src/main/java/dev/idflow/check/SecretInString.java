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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<Located> secrets = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Located s : policy.strings()) {
            String kind = SecretPatterns.find(s.value());
            if (kind != null) {
                secrets.add(s);
                kinds.add(kind);
            }
        }
        if (secrets.isEmpty()) {
            return;
        }
        Set<String> files = new HashSet<>();
        secrets.forEach(s -> files.add(s.span().file()));
        Map<String, List<Place>> placesByFile = byFile(places(policy, files));
        Map<String, Integer> perPlace = new HashMap<>();
        for (int k = 0; k < secrets.size(); k++) {
            Located s = secrets.get(k);
            Place p = placesByFile.getOrDefault(s.span().file(), List.of()).stream()
                    .filter(pl -> pl.spans().stream().anyMatch(sp -> contains(sp, s.span())))
                    .findFirst().orElse(new Place("a string", List.of(), null, null, false));
            Finding f = ctx.report(s.span(), "message", p.label(), kinds.get(k))
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

    /** The places by the files their spans stand in, keeping their order (innermost first). */
    private static Map<String, List<Place>> byFile(List<Place> places) {
        Map<String, List<Place>> map = new HashMap<>();
        for (Place p : places) {
            for (SourceSpan span : p.spans()) {
                List<Place> list = map.computeIfAbsent(span.file(), k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != p) {
                    list.add(p);
                }
            }
        }
        return map;
    }

    /**
     * The blocks declared in {@code files} that hold strings, innermost first, so that a
     * credential wins over its identity. A block stands in one file, that of its name.
     */
    private static List<Place> places(Policy policy, Set<String> files) {
        List<Place> out = new ArrayList<>();
        for (Identity i : policy.identities().values()) {
            if (!files.contains(i.spans().name().file())) {
                continue;
            }
            for (Credential c : i.credentials().values()) {
                List<SourceSpan> spans = attributes(c.spans());
                c.grants().stream().map(Grant::span).forEach(spans::add);
                c.waivers().stream().map(Waiver::span).forEach(spans::add);
                boolean monitored = Systems.issuedByMonitored(policy, c);
                out.add(new Place("credential `" + c.qualifiedName() + "`", spans, i.name(), c.name(), monitored));
            }
        }
        for (Identity i : policy.identities().values()) {
            if (!files.contains(i.spans().name().file())) {
                continue;
            }
            List<SourceSpan> spans = attributes(i.spans());
            i.waivers().stream().map(Waiver::span).forEach(spans::add);
            out.add(new Place("identity `" + i.name() + "`", spans, i.name(), null, false));
        }
        for (ExceptionGrant e : policy.exceptions().values()) {
            List<SourceSpan> spans = attributes(e.spans());
            e.grants().stream().map(ExceptionGrant.GrantTo::span).forEach(spans::add);
            out.add(new Place("exception `" + e.name() + "`", spans, null, null, false));
        }
        for (ManagedSystem s : policy.systems().values()) {
            out.add(new Place("system `" + s.name() + "`", attributes(s.spans()), null, null, false));
        }
        for (Owner o : policy.owners().values()) {
            out.add(new Place("owner `" + o.name() + "`", attributes(o.spans()), null, null, false));
        }
        out.add(new Place("the policy name", List.of(policy.spans().name()), null, null, false));
        return out;
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
