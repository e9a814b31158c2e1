package dev.idflow.model;

import java.util.Collection;

/** "Did you mean": the closest name by Damerau-Levenshtein distance (CHECKS.md). */
public final class Names {

    private Names() {
    }

    /**
     * The candidate closest to {@code name}, within max(2, length/3) edits, ties broken
     * alphabetically; null when none is close enough.
     */
    public static String closest(String name, Collection<String> candidates) {
        int limit = Math.max(2, name.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(name)) {
                continue;
            }
            int d = distance(name, c);
            if (d > limit) {
                continue;
            }
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The optimal-string-alignment form of the Damerau-Levenshtein distance. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
