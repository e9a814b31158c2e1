package dev.idflow.graph;

import java.util.List;

/**
 * The picture of a policy's lifecycle flows, independent of any drawing syntax: nodes for
 * systems, owners, identities, credentials and exceptions, and labelled edges between them.
 * Node ids are built from kind and name and are unique; the writers quote or escape them.
 */
public record Graph(List<Node> nodes, List<Edge> edges) {

    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** What a node stands for; decides its shape. */
    public enum Kind { SYSTEM, OWNER, IDENTITY, CREDENTIAL, EXCEPTION }

    /** A node: its id, kind, and label lines (the name first). */
    public record Node(String id, Kind kind, List<String> label) {
        public Node {
            label = List.copyOf(label);
        }
    }

    /**
     * An edge. {@code incomplete} marks a flow step that its system cannot carry out (or that
     * falls to a system in {@code mode monitor}): it is drawn in red and its label names the
     * codes of the findings about it. {@code dashed} marks a relation that is not a flow step.
     */
    public record Edge(String from, String to, String label, boolean incomplete, boolean dashed) {
    }

    /** The id of a node of {@code kind} named {@code name}: a letter prefix, then the name made safe. */
    public static String id(Kind kind, String name) {
        String prefix = switch (kind) {
            case SYSTEM -> "sys_";
            case OWNER -> "own_";
            case IDENTITY -> "id_";
            case CREDENTIAL -> "cred_";
            case EXCEPTION -> "exc_";
        };
        StringBuilder b = new StringBuilder(prefix);
        name.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
                b.appendCodePoint(cp);
            } else if (cp == '_') {
                b.append("__");
            } else {
                b.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return b.toString();
    }
}
