package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** The kind of a non-human identity. */
public enum IdentityKind {
    WORKLOAD("workload"),
    SERVICE_ACCOUNT("service-account"),
    PIPELINE("pipeline"),
    THIRD_PARTY("third-party"),
    EPHEMERAL("ephemeral"),
    AGENT("agent");

    private final String word;

    IdentityKind(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static IdentityKind parse(String word) {
        for (IdentityKind v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(IdentityKind::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
