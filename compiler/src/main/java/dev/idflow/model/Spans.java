package dev.idflow.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a declaration and each of its attributes stand. A finding about an attribute
 * stands at the attribute; about a missing one, at the declaration's name.
 */
public record Spans(SourceSpan name, Map<String, SourceSpan> attributes) {

    public Spans {
        attributes = Map.copyOf(attributes);
    }

    public static Spans of(SourceSpan name) {
        return new Spans(name, Map.of());
    }

    /** The span of attribute {@code word}, or of the name when the attribute is absent. */
    public SourceSpan at(String word) {
        return attributes.getOrDefault(word, name);
    }

    public boolean has(String word) {
        return attributes.containsKey(word);
    }

    /** A copy with one more attribute span. */
    public Spans with(String word, SourceSpan span) {
        Map<String, SourceSpan> m = new TreeMap<>(attributes);
        m.put(word, span);
        return new Spans(name, m);
    }
}
