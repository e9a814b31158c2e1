package dev.idflow.diff;

import dev.idflow.model.SourceSpan;
import java.util.List;

/**
 * One semantic change between two revisions of a policy: what changed ({@link Kind}), the scope it
 * belongs to ({@code identity payments-api}, {@code system aws-prod}, {@code exception x}), the
 * thing itself ({@code credential payments-api.s3-writer}), a one-line description with names in
 * backticks, where it stands (at head, or at base for a removal, with {@code atBase}) and, for a
 * system, the blast radius: every credential whose flows the system takes part in.
 */
public record Change(Kind kind, String scope, String subject, String description, SourceSpan span, boolean atBase,
        List<String> blastRadius) {

    public Change {
        blastRadius = List.copyOf(blastRadius);
    }

    /** What changed. The risky kinds are named first in the pull-request summary. */
    public enum Kind {
        CONFIGURATION_CHANGED(true, "configuration changed"),
        REVOKER_LOST(true, "revoker lost"),
        WILDCARD_ADDED(true, "new wildcard"),
        LIFETIME_LONGER(true, "longer lifetime"),
        BREAK_GLASS_ADDED(true, "new break-glass exception"),
        ADDED(false, "added"),
        REMOVED(false, "removed"),
        ACCESS_WIDENED(false, "access widened"),
        ACCESS_NARROWED(false, "access narrowed"),
        LIFETIME_SHORTER(false, "shorter lifetime"),
        REVOKER_CHANGED(false, "revoker changed"),
        CAPABILITIES_CHANGED(false, "capabilities changed"),
        EXCEPTION_CHANGED(false, "exception changed");

        private final boolean risky;
        private final String label;

        Kind(boolean risky, String label) {
            this.risky = risky;
            this.label = label;
        }

        /** True for a change a reviewer must see first. */
        public boolean risky() {
            return risky;
        }

        public String label() {
            return label;
        }
    }

    public boolean risky() {
        return kind.risky();
    }
}
