package dev.idflow.check;

import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.SourceSpan;

/** Small questions that several exception checks ask. */
final class Exceptions {

    private Exceptions() {
    }

    /** Where the exception's end is written ({@code until} or {@code for}), else its name. */
    static SourceSpan endSpan(ExceptionGrant ex) {
        return ex.spans().has("for") ? ex.spans().at("for") : ex.spans().at("until");
    }

    /** True when the exception declares an end, even an invalid one. */
    static boolean hasEnd(ExceptionGrant ex) {
        return ex.until() != null || ex.spans().has("until") || ex.spans().has("for");
    }
}
