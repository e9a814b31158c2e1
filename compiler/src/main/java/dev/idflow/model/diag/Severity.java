package dev.idflow.model.diag;

import java.util.Locale;

/** How much a finding matters. Ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** The lower-case word used in every output format. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code error}, {@code warning} or {@code info}; null for anything else. */
    public static Severity parse(String word) {
        for (Severity s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
