package dev.idflow.report;

/**
 * Escaping for text from a policy shown in Markdown (a pull-request comment): text cannot
 * open a link, an autolink, an image, an HTML tag or entity, emphasis, a table cell or a mention.
 * Text is never placed at the start of a line, so list and heading markers need no escape. Backtick-quoted names of the
 * message catalogue stay code spans, which Markdown shows literally.
 */
public final class Markdown {

    private static final String PUNCTUATION = "\\`*_[]!|~#";

    private Markdown() {
    }

    /** Plain text, every Markdown and HTML character neutralised, on one line. */
    public static String text(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '@' -> b.append("&#64;");
                case '"' -> b.append("&quot;");
                case '\r', '\n', '\t' -> b.append(' ');
                default -> {
                    if (PUNCTUATION.indexOf(cp) >= 0) {
                        b.append('\\');
                    }
                    b.appendCodePoint(cp);
                }
            }
        });
        return b.toString().replace("://", ":&#47;/"); // no autolinks from policy text
    }

    /** A message whose backtick-quoted parts become code spans and the rest escaped text. */
    public static String message(String s) {
        String[] parts = s.split("`", -1);
        if (parts.length % 2 == 0) {
            return text(s); // unbalanced backticks: nothing is code
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            b.append(i % 2 == 0 ? text(parts[i]) : code(parts[i]));
        }
        return b.toString();
    }

    /** A code span; its content is shown literally, so only line breaks need care. */
    public static String code(String s) {
        String one = s.replace('\r', ' ').replace('\n', ' ').replace("`", "'");
        return one.isEmpty() ? "` `" : "`" + one + "`";
    }
}
