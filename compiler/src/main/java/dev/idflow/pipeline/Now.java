package dev.idflow.pipeline;

import dev.idflow.model.Values;
import dev.idflow.source.Provenance;
import java.time.Clock;
import java.time.Instant;

/**
 * The one "now" of a run: an RFC 3339 timestamp, {@code commit} (the revision's commit
 * time; the clock outside Git) or {@code wall} (the clock). The clock is read here and
 * nowhere else.
 */
public record Now(String spec, Instant fixed) {

    /** What a valid value looks like, for error messages. */
    public static final String EXPECTED =
            "an RFC 3339 timestamp such as 2026-11-29T08:00:00Z, `commit` or `wall`";

    /** Reads a {@code --now} value; throws {@link IllegalArgumentException} with a message for a bad one. */
    public static Now parse(String spec) {
        if (spec == null || spec.equals("commit") || spec.equals("wall")) {
            return new Now(spec == null ? "commit" : spec, null);
        }
        Instant t = Values.timestamp(spec);
        if (t == null) {
            throw new IllegalArgumentException("invalid --now `" + spec + "`: expected " + EXPECTED);
        }
        return new Now(spec, t);
    }

    /** The instant for a policy read from {@code provenance}. */
    public Instant resolve(Provenance provenance, Clock clock) {
        if (fixed != null) {
            return fixed;
        }
        if (spec.equals("commit") && provenance.commitTime() != null) {
            return provenance.commitTime();
        }
        return clock.instant();
    }
}
