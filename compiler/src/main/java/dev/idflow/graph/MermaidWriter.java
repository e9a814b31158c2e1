package dev.idflow.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Graph} as a Mermaid flowchart, which GitHub renders in comments inside a
 * {@code ```mermaid} block. Ids are {@link Graph#id} (letters, digits and {@code _} only, with a
 * kind prefix, so never a Mermaid keyword); every label is quoted, with {@code "}, {@code #},
 * {@code <}, {@code >} and {@code &} written as Mermaid entity codes.
 */
public final class MermaidWriter {

    private MermaidWriter() {
    }

    public static String write(Graph graph) {
        StringBuilder b = new StringBuilder();
        b.append("flowchart LR\n");
        for (Graph.Node n : graph.nodes()) {
            String label = quote(String.join("\n", n.label()));
            b.append("  ").append(n.id()).append(switch (n.kind()) {
                case SYSTEM -> "[" + label + "]";
                case OWNER -> "([" + label + "])";
                case IDENTITY -> "(" + label + ")";
                case CREDENTIAL -> "[/" + label + "/]";
                case EXCEPTION -> "{{" + label + "}}";
            }).append('\n');
        }
        List<Integer> red = new ArrayList<>();
        int index = 0;
        for (Graph.Edge e : graph.edges()) {
            b.append("  ").append(e.from()).append(e.dashed() ? " -.->" : " -->");
            if (!e.label().isEmpty()) {
                b.append('|').append(quote(e.label())).append('|');
            }
            b.append(' ').append(e.to()).append('\n');
            if (e.incomplete()) {
                red.add(index);
            }
            index++;
        }
        for (Integer i : red) {
            b.append("  linkStyle ").append(i).append(" stroke:").append(DotWriter.RED)
                    .append(",stroke-width:2px,color:").append(DotWriter.RED).append('\n');
        }
        for (Graph.Kind kind : Graph.Kind.values()) {
            List<String> ids = graph.nodes().stream().filter(n -> n.kind() == kind).map(Graph.Node::id).toList();
            if (!ids.isEmpty()) {
                b.append("  class ").append(String.join(",", ids)).append(' ')
                        .append(kind.name().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        b.append("  classDef system fill:#e8eef8,stroke:#35588a\n");
        b.append("  classDef owner fill:#f3ecf8,stroke:#6b3f8a\n");
        b.append("  classDef identity fill:#e9f5ec,stroke:#2f7a45\n");
        b.append("  classDef credential fill:#fdf6e3,stroke:#9a7b1c\n");
        b.append("  classDef exception fill:#fbeaea,stroke:#9a2c2c\n");
        return b.toString();
    }

    /** A quoted Mermaid label; a line break becomes {@code <br/>}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("#quot;");
                case '#' -> b.append("#35;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '&' -> b.append("#amp;");
                case '\n' -> b.append("<br/>");
                case '|' -> b.append("#124;");
                case '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
