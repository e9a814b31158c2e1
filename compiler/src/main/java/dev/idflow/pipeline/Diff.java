package dev.idflow.pipeline;

import dev.idflow.check.CheckSettings;
import dev.idflow.check.Rules;
import dev.idflow.diff.Change;
import dev.idflow.diff.PolicyDiff;
import dev.idflow.model.diag.Codes;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.GitSource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code idflow diff}: both revisions judged at one "now" (the head's commit time unless given)
 * with, for each code, the stricter of the base's and the head's severity, so a pull request
 * cannot loosen its own gate; findings matched by key; and the semantic change between the two
 * policies. A base without the policy folder is an empty policy.
 *
 * <p>The severities of each revision's configuration are inputs: the caller loads them (from
 * {@code idflow.yaml} at each revision) and passes them here.
 */
public final class Diff {

    private Diff() {
    }

    /** The severity overrides of both revisions; empty maps when a revision has no configuration. */
    public record Severities(Map<String, Severity> base, Map<String, Severity> head) {
        public Severities {
            base = Map.copyOf(base);
            head = Map.copyOf(head);
        }

        public static Severities none() {
            return new Severities(Map.of(), Map.of());
        }

        /** For each code either revision sets, the stricter of its severity at base and at head. */
        public Map<String, Severity> stricter() {
            Map<String, Severity> out = new TreeMap<>();
            Set<String> codes = new HashSet<>(base.keySet());
            codes.addAll(head.keySet());
            for (String code : codes) {
                if (Codes.fixedSeverity(code)) {
                    continue;
                }
                Severity dflt = Rules.get(code) == null ? Severity.ERROR : Rules.get(code).severity();
                Severity a = base.getOrDefault(code, dflt);
                Severity b = head.getOrDefault(code, dflt);
                out.put(code, a.atLeast(b) ? a : b);
            }
            return out;
        }

        public boolean changed() {
            return !base.equals(head);
        }
    }

    /** Reads both revisions and compares them. */
    public static DiffResult run(GitSource base, GitSource head, Now now, Severities severities, Clock clock)
            throws SourceException {
        Instant at = now.resolve(head.provenance(), clock);
        CheckSettings settings = new CheckSettings(at, severities.stricter());
        ParseCache parses = new ParseCache();
        Analysis h = Analyzer.analyze(head, settings, parses);
        Analysis b = base.folderExists() ? Analyzer.analyze(base, settings, parses) : empty(base, at);
        return compare(b, h, severities.changed());
    }

    private static Analysis empty(PolicySource source, Instant at) {
        return new Analysis(List.of(), List.of(), null, List.of(), at, source.displayPrefix(), source.provenance());
    }

    /** Compares two analyses made with the same settings. */
    public static DiffResult compare(Analysis base, Analysis head, boolean configurationChanged) {
        Set<String> baseKeys = keys(base.diagnostics());
        Set<String> headKeys = keys(head.diagnostics());
        List<Diagnostic> added = new ArrayList<>();
        List<Diagnostic> unchanged = new ArrayList<>();
        for (Diagnostic d : head.diagnostics()) {
            (baseKeys.contains(d.key()) ? unchanged : added).add(d);
        }
        List<Diagnostic> fixed = base.diagnostics().stream().filter(d -> !headKeys.contains(d.key())).toList();
        List<Change> changes = new ArrayList<>();
        if (configurationChanged) {
            changes.add(new Change(Change.Kind.CONFIGURATION_CHANGED, "configuration", "configuration",
                    "the severities of the configuration changed (each code is judged at the stricter of both)",
                    null, false, List.of()));
        }
        String note = null;
        if (unresolved(base) || unresolved(head)) {
            note = "the semantic change is not shown: the " + (unresolved(head) ? "head" : "base")
                    + " revision has language errors";
        } else {
            changes.addAll(PolicyDiff.compare(base.policy(), base.flowsOrDerive(), head.policy(), head.flowsOrDerive()));
        }
        changes.sort(Comparator.comparing((Change c) -> !c.risky())
                .thenComparing(c -> c.risky() ? c.kind().ordinal() : 0));
        return new DiffResult(base, head, added, fixed, unchanged, changes, note);
    }

    private static boolean unresolved(Analysis a) {
        return !a.sources().isEmpty() && (a.policy() == null || a.hasLanguageErrors());
    }

    private static Set<String> keys(List<Diagnostic> list) {
        Set<String> out = new HashSet<>();
        list.forEach(d -> out.add(d.key()));
        return out;
    }
}
