package dev.idflow.check;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Related;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw finding as a check reports it: where, what, and what it is about, which decides the
 * waivers that reach it ({@link #in}) and whether {@code mode monitor} lowers it
 * ({@link #monitoredBy}).
 */
public final class Finding {

    private final RuleInfo rule;
    private final SourceSpan span;
    private final String message;
    private String help;
    private String subject = "";
    private String identity;
    private String credential;
    private boolean monitored;
    private final List<Related> related = new ArrayList<>();

    Finding(RuleInfo rule, SourceSpan span, String message) {
        this.rule = rule;
        this.span = span;
        this.message = message;
    }

    /** A suggestion: what to add or change. */
    public Finding help(String text) {
        this.help = text;
        return this;
    }

    /** The names the finding is about, e.g. {@code credential stripe-sync.webhook-signing}. */
    public Finding subject(String text) {
        this.subject = text;
        return this;
    }

    /** The finding stands in this identity (its waivers apply). */
    public Finding in(String identityName) {
        this.identity = identityName;
        return this;
    }

    /** The finding stands in this credential of that identity (its and the identity's waivers apply). */
    public Finding in(String identityName, String credentialName) {
        this.identity = identityName;
        this.credential = credentialName;
        return this;
    }

    /** The condition concerns a system in {@code mode monitor}: an error is lowered to a warning. */
    public Finding monitoredBy(boolean monitoredSystem) {
        this.monitored = this.monitored || monitoredSystem;
        return this;
    }

    public Finding related(SourceSpan at, String text) {
        related.add(new Related(at, text));
        return this;
    }

    RuleInfo rule() {
        return rule;
    }

    String identity() {
        return identity;
    }

    String credential() {
        return credential;
    }

    boolean monitored() {
        return monitored;
    }

    SourceSpan span() {
        return span;
    }

    /** The finding at its rule's default severity. */
    Diagnostic toDiagnostic() {
        return new Diagnostic(rule.code(), rule.severity(), span, message, help, related, subject);
    }
}
