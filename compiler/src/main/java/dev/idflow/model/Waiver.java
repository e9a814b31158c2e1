package dev.idflow.model;

import java.time.LocalDate;

/**
 * {@code waive CODE "reason" until DATE}: lowers findings of one code, at the place it
 * stands and the blocks nested in it, to info until the end of the date. Reason, until and
 * end are null when the policy left them out (IDF805).
 */
public record Waiver(String code, String reason, LocalDate until, End end, SourceSpan span) {
}
