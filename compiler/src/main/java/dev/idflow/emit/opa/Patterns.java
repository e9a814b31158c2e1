package dev.idflow.emit.opa;

/**
 * Resource and action patterns: {@code *} is any run of characters (also {@code /}, {@code :}
 * and line breaks), {@code ?} exactly one, every other character stands for itself. OPA reads
 * them as anchored regular expressions ({@link #regex}, the same in Go's RE2 and in
 * {@link java.util.regex.Pattern}); the query matches them directly ({@link #matches}), with
 * the same meaning and without compiling a regular expression for each of a large policy's
 * patterns.
 */
public final class Patterns {

    /** The characters that are special in either dialect outside a character class. */
    private static final String META = "\\.+*?()|[]{}^$";

    private Patterns() {
    }

    /**
     * {@code (?s)^...\z}: {@code \z} rather than {@code $}, because Java's {@code $} also
     * matches before a final line break and RE2's does not.
     */
    public static String regex(String pattern) {
        StringBuilder re = new StringBuilder("(?s)^");
        pattern.codePoints().forEach(cp -> {
            if (cp == '*') {
                re.append(".*");
            } else if (cp == '?') {
                re.append('.');
            } else {
                if (cp < 128 && META.indexOf(cp) >= 0) {
                    re.append('\\');
                }
                re.appendCodePoint(cp);
            }
        });
        return re.append("\\z").toString();
    }

    /**
     * True when {@code text} matches {@code pattern} whole, as {@link #regex} of it would.
     * Characters are code points, as {@code .} is in both dialects. Linear unless the pattern
     * has several {@code *}: at a mismatch, the last {@code *} takes one more character.
     */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.length()) {
            int tc = text.codePointAt(t);
            if (p < pattern.length()) {
                int pc = pattern.codePointAt(p);
                if (pc == '*') {
                    star = p;
                    starText = t;
                    p++;
                    continue;
                }
                if (pc == '?' || pc == tc) {
                    p += Character.charCount(pc);
                    t += Character.charCount(tc);
                    continue;
                }
            }
            if (star < 0) {
                return false;
            }
            p = star + 1;
            starText += Character.charCount(text.codePointAt(starText));
            t = starText;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** A concrete string that {@code pattern} matches (each wildcard becomes {@code x}), for generated tests. */
    public static String example(String pattern) {
        return pattern.replace('*', 'x').replace('?', 'x');
    }
}
