package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** Whether a system is orchestrated by idflow or only known to it. */
public enum Mode {
    ENFORCE("enforce"),
    MONITOR("monitor");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static Mode parse(String word) {
        for (Mode v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Mode::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
