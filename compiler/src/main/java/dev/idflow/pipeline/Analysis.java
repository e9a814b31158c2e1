package dev.idflow.pipeline;

import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.Provenance;
import dev.idflow.syntax.ParsedFile;
import dev.idflow.syntax.PolicyParser;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run of the checks knows: the files read, the resolved policy (partial when
 * there are language errors), the findings in report order, the "now" they were judged at,
 * how paths are shown to the user, and the lifecycle flows the checks judged (null when the
 * checks did not run), which compile and diff reuse.
 */
public record Analysis(
        List<SourceFile> sources,
        List<ParsedFile> files,
        Policy policy,
        List<Diagnostic> diagnostics,
        Instant now,
        String displayPrefix,
        Provenance provenance,
        Flows flows) {

    public Analysis {
        sources = List.copyOf(sources);
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** An analysis without derived flows. */
    public Analysis(List<SourceFile> sources, List<ParsedFile> files, Policy policy, List<Diagnostic> diagnostics,
            Instant now, String displayPrefix, Provenance provenance) {
        this(sources, files, policy, diagnostics, now, displayPrefix, provenance, null);
    }

    /** The flows of the policy: those the checks judged, else derived now; null without a policy. */
    public Flows flowsOrDerive() {
        return flows != null ? flows : policy == null ? null : Flows.derive(policy);
    }

    /** True when an IDF0xx error stands: the policy must not be checked further or compiled. */
    public boolean hasLanguageErrors() {
        return diagnostics.stream().anyMatch(d -> d.isLanguageError() && d.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** True when a finding at or above {@code level} remains. */
    public boolean fails(FailLevel level) {
        return diagnostics.stream().anyMatch(d -> level.trips(d.severity()));
    }

    /** The path of a policy file as the user would open it. */
    public String display(String logicalPath) {
        return displayPrefix + logicalPath;
    }

    /**
     * The decoded text of a file, for source excerpts: the text its parse kept, else decoded
     * again from its bytes; empty when it cannot be decoded, null when unknown.
     */
    public String text(String logicalPath) {
        for (ParsedFile f : files) {
            if (f.path().equals(logicalPath) && f.text() != null) {
                return f.text();
            }
        }
        for (SourceFile s : sources) {
            if (s.path().equals(logicalPath)) {
                String text = PolicyParser.text(s);
                return text == null ? "" : text;
            }
        }
        return null;
    }
}
