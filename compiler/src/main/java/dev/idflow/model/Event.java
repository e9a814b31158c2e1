package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** A lifecycle event of an identity. */
public enum Event {
    CREATE("create"),
    UPDATE("update"),
    SUSPEND("suspend"),
    DELETE("delete");

    private final String word;

    Event(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static Event parse(String word) {
        for (Event v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Event::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
