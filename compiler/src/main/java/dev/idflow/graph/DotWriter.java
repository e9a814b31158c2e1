package dev.idflow.graph;

/**
 * Writes a {@link Graph} in Graphviz DOT. Every id and label is a quoted string with
 * {@code \} and {@code "} escaped, so that no policy name can break the syntax.
 */
public final class DotWriter {

    static final String RED = "#c00000";

    private DotWriter() {
    }

    public static String write(Graph graph) {
        StringBuilder b = new StringBuilder();
        b.append("digraph \"idflow\" {\n");
        b.append("  rankdir=LR;\n");
        b.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Graph.Node n : graph.nodes()) {
            b.append("  ").append(quote(n.id())).append(" [label=")
                    .append(quote(String.join("\n", n.label()))).append(", ").append(shape(n.kind())).append("];\n");
        }
        for (Graph.Edge e : graph.edges()) {
            b.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()));
            b.append(" [label=").append(quote(e.label()));
            if (e.incomplete()) {
                b.append(", color=").append(quote(RED)).append(", fontcolor=").append(quote(RED))
                        .append(", penwidth=2");
            }
            if (e.dashed()) {
                b.append(", style=dashed");
            }
            b.append("];\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static String shape(Graph.Kind kind) {
        return switch (kind) {
            case SYSTEM -> "shape=box";
            case OWNER -> "shape=oval";
            case IDENTITY -> "shape=box, style=rounded";
            case CREDENTIAL -> "shape=note";
            case EXCEPTION -> "shape=hexagon";
        };
    }

    /** A DOT quoted string; a line break becomes DOT's {@code \n}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
