package dev.idflow.emit.opa;

/**
 * Resource and action patterns as anchored regular expressions that mean the same in Go's
 * RE2 (OPA's {@code regex.match}) and in {@link java.util.regex.Pattern} (the query):
 * {@code *} is any run of characters (also {@code /}, {@code :} and line breaks), {@code ?}
 * exactly one, every other character stands for itself.
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

    /** A concrete string that {@code pattern} matches (each wildcard becomes {@code x}), for generated tests. */
    public static String example(String pattern) {
        return pattern.replace('*', 'x').replace('?', 'x');
    }
}
