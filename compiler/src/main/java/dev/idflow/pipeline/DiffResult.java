package dev.idflow.pipeline;

import dev.idflow.diff.Change;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;

/**
 * What a pull request does: the analyses of both revisions (judged at one "now" with the same
 * severities), the findings new at head, fixed, and unchanged (matched by {@link Diagnostic#key()},
 * never by line), and the semantic changes, risky ones first. {@code semanticNote} says why the
 * semantic change could not be computed (a revision with language errors), else null.
 */
public record DiffResult(
        Analysis base,
        Analysis head,
        List<Diagnostic> added,
        List<Diagnostic> fixed,
        List<Diagnostic> unchanged,
        List<Change> changes,
        String semanticNote) {

    public DiffResult {
        added = List.copyOf(added);
        fixed = List.copyOf(fixed);
        unchanged = List.copyOf(unchanged);
        changes = List.copyOf(changes);
    }

    /** The findings the gate judges: the new ones, or every finding at head. */
    public List<Diagnostic> gated(Gate gate) {
        return gate == Gate.NEW ? added : head.diagnostics();
    }

    /** True when the gate trips: a judged finding at or above the fail level. */
    public boolean fails(FailLevel level, Gate gate) {
        return gated(gate).stream().anyMatch(d -> level.trips(d.severity()));
    }

    /** The findings shown in SARIF and GitHub annotations: the new ones, or all at head when asked. */
    public List<Diagnostic> annotated(boolean showUnchanged) {
        return showUnchanged ? head.diagnostics() : added;
    }

    public List<Change> risky() {
        return changes.stream().filter(Change::risky).toList();
    }
}
