package dev.idflow.diff;

/** The wildcards of resources and actions (LANGUAGE.md): {@code *} any run of characters, {@code ?} one. */
final class Glob {

    private Glob() {
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /**
     * True when every string {@code narrow} matches is also matched by {@code wide}. Exact for
     * patterns where {@code narrow} is literal; for two patterns, a sound approximation that treats
     * the wildcards of {@code narrow} as characters {@code wide} must match by its own wildcards.
     */
    static boolean covers(String wide, String narrow) {
        if (wide.equals(narrow)) {
            return true;
        }
        if (!hasWildcard(wide)) {
            // a literal matches itself alone, and the dynamic programme below agrees
            return false;
        }
        // dp[j]: wide[i..] matches narrow[j..], filled from the end; O(|wide| * |narrow|) for any input
        int n = narrow.length();
        boolean[] next = new boolean[n + 1];
        next[n] = true;
        for (int i = wide.length() - 1; i >= 0; i--) {
            char c = wide.charAt(i);
            boolean[] cur = new boolean[n + 1];
            for (int j = n; j >= 0; j--) {
                if (c == '*') {
                    cur[j] = next[j] || (j < n && cur[j + 1]);
                } else if (j < n) {
                    char x = narrow.charAt(j);
                    cur[j] = (c == '?' ? x != '*' : c == x) && next[j + 1];
                }
            }
            next = cur;
        }
        return next[0];
    }
}
