package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** What a system can do by API, without a person. */
public enum Capability {
    PROVISION("provision"),
    REVOKE("revoke"),
    ROTATE("rotate"),
    SUSPEND("suspend"),
    EXPIRE("expire"),
    APPROVE("approve"),
    STORE("store"),
    ENFORCE("enforce"),
    AUDIT("audit");

    private final String word;

    Capability(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static Capability parse(String word) {
        for (Capability v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Capability::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
