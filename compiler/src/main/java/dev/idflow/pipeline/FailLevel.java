package dev.idflow.pipeline;

import dev.idflow.model.diag.Severity;

/** {@code --fail-on}: the least severity that fails a run, or never. */
public enum FailLevel {
    ERROR, WARNING, NEVER;

    /** The accepted words, for error messages. */
    public static final String EXPECTED = "error, warning or never";

    public boolean trips(Severity s) {
        return switch (this) {
            case ERROR -> s == Severity.ERROR;
            case WARNING -> s.atLeast(Severity.WARNING);
            case NEVER -> false;
        };
    }

    /** Reads {@code error}, {@code warning} or {@code never}; null for anything else. */
    public static FailLevel parse(String word) {
        for (FailLevel l : values()) {
            if (l.name().toLowerCase(java.util.Locale.ROOT).equals(word)) {
                return l;
            }
        }
        return null;
    }
}
