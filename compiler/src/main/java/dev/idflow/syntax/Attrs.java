package dev.idflow.syntax;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.Spans;
import dev.idflow.model.ast.Attribute;
import dev.idflow.model.ast.Block;
import dev.idflow.model.ast.Name;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one block, checked against its {@link BlockKind}: a word that does not
 * belong there, or a second one where one is allowed, is IDF008 and is otherwise ignored.
 */
final class Attrs {

    private final Map<String, Attribute> single = new LinkedHashMap<>();
    private final Map<String, List<Attribute>> repeated = new LinkedHashMap<>();
    private final Name owner;

    private Attrs(Name owner) {
        this.owner = owner;
    }

    static Attrs of(BlockKind kind, Name declName, Block block, Diagnostics out) {
        Attrs a = new Attrs(declName);
        for (Attribute attr : block.attributes()) {
            String word = slot(attr.word());
            if (!kind.allows(attr.word())) {
                out.error("IDF008", attr.key().span(), "IDF008.notHere", attr.word(), kind.word(), declName.text())
                        .withHelp(help(kind));
                continue;
            }
            if (kind.repeatable(word)) {
                a.repeated.computeIfAbsent(word, k -> new ArrayList<>()).add(attr);
                continue;
            }
            Attribute first = a.single.putIfAbsent(word, attr);
            if (first != null) {
                out.error("IDF008", attr.key().span(), "IDF008.repeated", attr.word(), kind.word(), declName.text(),
                        first.span().startLine());
            }
        }
        return a;
    }

    /** {@code until} and {@code for} are one slot: an exception ends one way. */
    private static String slot(String word) {
        return word.equals("for") ? "until" : word;
    }

    private static String help(BlockKind kind) {
        return "the attributes of " + (kind == BlockKind.CREDENTIAL ? "a credential" : "`" + kind.word() + "`")
                + " are " + String.join(", ", kind.attributes());
    }

    @SuppressWarnings("unchecked")
    <T extends Attribute> T get(String word, Class<T> type) {
        Attribute a = single.get(word);
        return type.isInstance(a) ? (T) a : null;
    }

    Attribute get(String word) {
        return single.get(word);
    }

    @SuppressWarnings("unchecked")
    <T extends Attribute> List<T> all(String word, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Attribute a : repeated.getOrDefault(word, List.of())) {
            if (type.isInstance(a)) {
                out.add((T) a);
            }
        }
        return out;
    }

    boolean has(String word) {
        return single.containsKey(word) || repeated.containsKey(word);
    }

    /** Where the declaration and each present attribute stand. */
    Spans spans() {
        Map<String, SourceSpan> m = new LinkedHashMap<>();
        single.forEach((w, a) -> m.put(a.word(), a.span()));
        repeated.forEach((w, l) -> m.put(w, l.get(0).span()));
        return new Spans(owner.span(), m);
    }
}
