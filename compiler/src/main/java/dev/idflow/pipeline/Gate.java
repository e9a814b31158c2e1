package dev.idflow.pipeline;

import java.util.Locale;

/** {@code --gate}: a pull request fails on its new findings only, or on every finding at head. */
public enum Gate {
    NEW, ALL;

    /** Reads {@code new} or {@code all}; null for anything else. */
    public static Gate parse(String word) {
        for (Gate g : values()) {
            if (g.name().toLowerCase(Locale.ROOT).equals(word)) {
                return g;
            }
        }
        return null;
    }
}
