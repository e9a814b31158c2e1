package dev.idflow.model;

import java.time.Instant;

/**
 * An absolute end of validity: the first instant at which the thing is no longer valid.
 * A date written as an end includes that whole day (UTC), so {@code 2027-06-30} ends at
 * {@code 2027-07-01T00:00:00Z}.
 */
public record End(Instant instant, String written, boolean dateOnly) implements Comparable<End> {

    public boolean isBefore(End other) {
        return instant.isBefore(other.instant);
    }

    @Override
    public int compareTo(End o) {
        return instant.compareTo(o.instant);
    }

    /** The earlier of two ends, either of which may be null (no end). */
    public static End earliest(End a, End b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.isBefore(a) ? b : a;
    }
}
