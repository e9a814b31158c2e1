package dev.idflow.check;

import java.util.List;

/**
 * The documentation page of one diagnostic code ({@code docs/checks/IDFxxx.md}), made from the
 * same sources as {@code idflow explain}: the rule's metadata and its golden sample folder
 * (the broken and fixed policies, and what idflow reports on the broken one). Pages are
 * generated, never edited by hand, so that the docs cannot drift from the checks.
 */
public final class CheckPage {

    private CheckPage() {
    }

    /** One file of a sample: its path inside the sample folder ({@code broken/policy.idflow}) and text. */
    public record Example(String path, String text) {
    }

    /**
     * The page of {@code rule}.
     *
     * @param broken the files of the broken sample, in path order (may be empty)
     * @param reported the first line of each finding idflow reports on the broken sample
     * @param fixed the files of the fixed sample, in path order (may be empty)
     */
    public static String markdown(RuleInfo rule, List<Example> broken, List<String> reported, List<Example> fixed) {
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule metadata and samples/checks/").append(rule.code())
                .append("/: do not edit. Regenerate with CheckPagesTest and -Dgolden.update=true. -->\n");
        b.append("# ").append(rule.code()).append(": ").append(rule.title()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Severity | ").append(rule.severity().word()).append(" |\n");
        if (!rule.owasp().isEmpty()) {
            b.append("| OWASP NHI Top 10 (2025) | ").append(rule.owasp()).append(" |\n");
        }
        if (!rule.nist().isEmpty()) {
            b.append("| NIST CSF 2.0 | ").append(rule.nist()).append(" |\n");
        }
        b.append('\n').append(rule.summary()).append("\n\n").append(rule.explanation()).append('\n');
        if (!broken.isEmpty()) {
            b.append("\n## Broken\n");
            files(b, broken);
            if (!reported.isEmpty()) {
                b.append("\n`idflow check` reports:\n\n```text\n");
                reported.forEach(l -> b.append(l).append('\n'));
                b.append("```\n");
            }
        }
        if (!fixed.isEmpty()) {
            b.append("\n## Fixed\n");
            files(b, fixed);
        }
        b.append("\n`idflow explain ").append(rule.code()).append("` prints the same explanation in the terminal. ")
                .append("[All codes](README.md).\n");
        return b.toString();
    }

    /** The index of every code ({@code docs/checks/README.md}). */
    public static String index(List<RuleInfo> rules) {
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule metadata: do not edit. ")
                .append("Regenerate with CheckPagesTest and -Dgolden.update=true. -->\n");
        b.append("# Diagnostic codes\n\n");
        b.append("| code | severity | title |\n|---|---|---|\n");
        for (RuleInfo r : rules) {
            b.append("| [").append(r.code()).append("](").append(r.code()).append(".md) | ")
                    .append(r.severity().word()).append(" | ").append(r.title().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    private static void files(StringBuilder b, List<Example> files) {
        for (Example f : files) {
            b.append("\n`").append(f.path()).append("`:\n\n```idflow\n").append(f.text());
            if (!f.text().endsWith("\n")) {
                b.append('\n');
            }
            b.append("```\n");
        }
    }
}
