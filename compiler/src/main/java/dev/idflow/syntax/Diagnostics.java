package dev.idflow.syntax;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Messages;
import dev.idflow.model.diag.Related;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects language findings during resolution; collect, don't throw. */
final class Diagnostics {

    private final List<Diagnostic> list = new ArrayList<>();

    /** Adds an error made from the catalogue template {@code key}; returns a handle to refine it. */
    Handle error(String code, SourceSpan span, String key, Object... args) {
        list.add(Diagnostic.of(code, Severity.ERROR, span, Messages.format(key, args)));
        return new Handle(list.size() - 1);
    }

    /** Adds the findings of {@code other}, in their order. */
    void addAll(Diagnostics other) {
        list.addAll(other.list);
    }

    List<Diagnostic> all() {
        return list;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Refines the finding just added. */
    final class Handle {
        private final int index;

        private Handle(int index) {
            this.index = index;
        }

        Handle withHelp(String help) {
            if (help != null) {
                list.set(index, list.get(index).withHelp(help));
            }
            return this;
        }

        Handle related(SourceSpan span, String message) {
            List<Related> r = new ArrayList<>(list.get(index).related());
            r.add(new Related(span, message));
            list.set(index, list.get(index).withRelated(r));
            return this;
        }

        Handle subject(String subject) {
            list.set(index, list.get(index).withSubject(subject));
            return this;
        }
    }
}
