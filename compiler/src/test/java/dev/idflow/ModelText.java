package dev.idflow;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.Spans;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved model written out as text without any place in the source (spans), so that two
 * policies can be compared for meaning: the same text means the same policy, whatever its layout.
 * {@code Policy.strings} (every string, for the secret scan) is compared as a set: its order is
 * only the order of writing.
 */
public final class ModelText {

    private ModelText() {
    }

    public static String of(Object model) {
        StringBuilder b = new StringBuilder();
        write(model, b);
        return b.toString();
    }

    private static void write(Object o, StringBuilder b) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof Record r) {
            record(r, b);
        } else if (o instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(of(k) + "=" + of(v)));
            entries.sort(null);
            b.append(entries);
        } else if (o instanceof Set<?> s) {
            List<String> items = new ArrayList<>();
            s.forEach(x -> items.add(of(x)));
            items.sort(null);
            b.append(items);
        } else if (o instanceof Collection<?> c) {
            b.append('[');
            c.forEach(x -> {
                write(x, b);
                b.append(", ");
            });
            b.append(']');
        } else {
            b.append(o);
        }
    }

    private static void record(Record r, StringBuilder b) {
        b.append(r.getClass().getSimpleName()).append('(');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getType() == SourceSpan.class || c.getType() == Spans.class) {
                continue;
            }
            try {
                b.append(c.getName()).append('=');
                Object value = c.getAccessor().invoke(r);
                if (c.getName().equals("strings") && value instanceof List<?> bag) {
                    value = java.util.Set.copyOf(bag);
                }
                write(value, b);
                b.append(' ');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        b.append(')');
    }
}
