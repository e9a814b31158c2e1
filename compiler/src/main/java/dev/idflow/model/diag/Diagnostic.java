package dev.idflow.model.diag;

import dev.idflow.model.SourceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One finding: a stable code, its settled severity, where it stands, a one-line
 * message, an optional suggestion, related places, and the subject: the names it is
 * about ({@code credential stripe-sync.webhook-signing}), which identify the finding
 * across revisions without line numbers.
 */
public record Diagnostic(
        String code,
        Severity severity,
        SourceSpan span,
        String message,
        String help,
        List<Related> related,
        String subject) {

    /** Findings in report order: file, line, column, code. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::span)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        related = List.copyOf(related);
        subject = subject == null ? "" : subject;
    }

    public static Diagnostic of(String code, Severity severity, SourceSpan span, String message) {
        return new Diagnostic(code, severity, span, message, null, List.of(), "");
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(code, s, span, message, help, related, subject);
    }

    public Diagnostic withHelp(String h) {
        return new Diagnostic(code, severity, span, message, h, related, subject);
    }

    public Diagnostic withSubject(String s) {
        return new Diagnostic(code, severity, span, message, help, related, s);
    }

    public Diagnostic withRelated(List<Related> r) {
        return new Diagnostic(code, severity, span, message, help, r, subject);
    }

    /** The identity of the finding for fingerprints and {@code diff}: code and subject, never a line. */
    public String key() {
        return subject.isEmpty() ? code + " " + span.file() : code + " " + subject;
    }

    /** True for the language codes IDF0xx, which no setting or waiver can lower. */
    public boolean isLanguageError() {
        return code.startsWith("IDF0");
    }
}
