package dev.idflow.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns of CHECKS.md by which IDF601 recognises a secret value in a string. Each
 * pattern is searched anywhere in the string; the result names the kind of secret, never
 * the value.
 *
 * <p>Where CHECKS.md names only a prefix (GitHub, GitLab, Slack), the prefix must be followed
 * by at least {@value #TOKEN_MIN} token characters, so that a sentence that merely mentions
 * {@code ghp_} is not a secret. A "run" for the entropy rule is a maximal run of
 * {@code [A-Za-z0-9+/=_-]}: the entropy is that of the whole run.
 */
public final class SecretPatterns {

    /** The least number of token characters after a GitHub, GitLab or Slack prefix. */
    public static final int TOKEN_MIN = 10;
    /** The shortest run that the entropy rule looks at. */
    public static final int RUN_MIN = 32;
    /** The least Shannon entropy, in bits per character, of a run that counts as a secret. */
    public static final double ENTROPY_MIN = 4.5;

    private static final String TOKEN = "[A-Za-z0-9_-]{" + TOKEN_MIN + ",}";
    private static final Map<String, Pattern> PATTERNS = patterns();
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=_-]{" + RUN_MIN + ",}");

    private SecretPatterns() {
    }

    private static Map<String, Pattern> patterns() {
        Map<String, Pattern> m = new LinkedHashMap<>();
        m.put("an AWS access key id", Pattern.compile("(?:AKIA|ASIA)[A-Z2-7]{16}"));
        m.put("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"));
        m.put("a GitHub token", Pattern.compile("(?:ghp_|gho_|ghs_|github_pat_)" + TOKEN));
        m.put("a GitLab token", Pattern.compile("glpat-" + TOKEN));
        m.put("a Slack token", Pattern.compile("xox[abprs]-" + TOKEN));
        m.put("a JWT", Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
        return m;
    }

    /** Substrings without which no pattern but the entropy rule can match: a cheap first test. */
    private static final List<String> MARKERS =
            List.of("AKIA", "ASIA", "PRIVATE KEY", "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xox", "eyJ");
    private static final String[] MARKER_ARRAY = MARKERS.toArray(new String[0]);
    /** The (ASCII) first characters of the markers: only there can one begin. */
    private static final boolean[] MARKER_START = markerStarts();

    private static boolean[] markerStarts() {
        boolean[] starts = new boolean[128];
        MARKERS.forEach(m -> starts[m.charAt(0)] = true);
        return starts;
    }

    /** What kind of secret {@code text} holds ("an AWS access key id"), or null when none. */
    public static String find(String text) {
        if (hasMarker(text)) {
            String kind = findPattern(text);
            if (kind != null) {
                return kind;
            }
        }
        if (text.length() < RUN_MIN || distinctRunChars(text) < RUN_DISTINCT_MIN) {
            return null;
        }
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            if (entropy(m.group()) >= ENTROPY_MIN) {
                return "a long high-entropy string";
            }
        }
        return null;
    }

    /**
     * A run of {@code k} distinct characters has at most {@code log2(k)} bits of entropy per
     * character, so no run reaches {@link #ENTROPY_MIN} with fewer distinct characters than
     * this; most strings (paths, names) are ruled out without a regex or a count.
     */
    private static final int RUN_DISTINCT_MIN = (int) Math.ceil(Math.pow(2, ENTROPY_MIN));

    /** How many distinct run characters ({@code [A-Za-z0-9+/=_-]}) occur anywhere in {@code text}. */
    private static int distinctRunChars(String text) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && isRunChar(c)) {
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
        }
        return Long.bitCount(low) + Long.bitCount(high);
    }

    private static boolean isRunChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    }

    /** True when one of {@link #MARKERS} occurs in {@code text}: one pass, trying them only where one can start. */
    private static boolean hasMarker(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && MARKER_START[c] && markerAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean markerAt(String text, int i) {
        for (String marker : MARKER_ARRAY) {
            if (text.startsWith(marker, i)) {
                return true;
            }
        }
        return false;
    }

    private static String findPattern(String text) {
        for (Map.Entry<String, Pattern> e : PATTERNS.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * {@code value} as a message may show it: {@code ****} when it looks like a secret, so that
     * no finding of any code repeats a value that IDF601 hides.
     */
    public static String shown(String value) {
        return value == null || find(value) == null ? value : "****";
    }

    /** The kinds of secret that {@link #find} knows, in the order it tries them. */
    public static List<String> kinds() {
        List<String> all = new java.util.ArrayList<>(PATTERNS.keySet());
        all.add("a long high-entropy string");
        return all;
    }

    /** {@link #entropy} for ASCII text, without boxing: the rule runs on every long string. */
    private static double asciiEntropy(String s) {
        int[] counts = new int[128];
        int[] order = new int[128];
        int distinct = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (counts[c]++ == 0) {
                order[distinct++] = c;
            }
        }
        int n = s.length();
        double h = 0;
        // Summed in order of first occurrence, exactly as the general case does.
        for (int k = 0; k < distinct; k++) {
            double p = (double) counts[order[k]] / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The Shannon entropy of {@code s} in bits per character (code point). */
    public static double entropy(String s) {
        if (s.chars().allMatch(c -> c < 128)) {
            return asciiEntropy(s);
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int n = s.codePointCount(0, s.length());
        double h = 0;
        for (int count : counts.values()) {
            double p = (double) count / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
