package dev.idflow.check;

import dev.idflow.model.diag.Severity;
import java.util.List;

/** The language codes IDF0xx: errors found while parsing and resolving, never lowered. */
final class LanguageRules {

    private LanguageRules() {
    }

    static final List<RuleInfo> ALL = List.of(
            rule("IDF001", "Syntax error",
                    "The text is not the idflow language: a wrong token, a missing value, an unknown word where an "
                            + "attribute is expected, invalid UTF-8, or a file too large or too deeply nested.",
                    "The parser names what it expected and what it found, recovers, and reports further errors in "
                            + "the same run. Nothing else is checked until the policy parses."),
            rule("IDF002", "Name declared twice",
                    "Two declarations share one name, or two names differ only in case.",
                    "Systems, owners, identities, exceptions and delegations share one namespace; credential names "
                            + "are local to their identity. Names become file names in the emitted targets, so names "
                            + "that differ only in case would collide. The first declaration (by file path, then "
                            + "position) counts; the finding stands at the later one."),
            rule("IDF003", "Reference names nothing",
                    "A reference names no declaration; the closest name is suggested.",
                    "Issuers, revokers, sources, owners, approvers, stored-in systems, granted credentials and "
                            + "identity: principals must name something declared in the policy."),
            rule("IDF004", "Reference names the wrong kind of thing",
                    "A reference names a declaration of another kind, such as an owner where a system is needed.",
                    "All top-level names share one namespace, so a name can exist and still be the wrong thing "
                            + "for the place it is used."),
            rule("IDF005", "Invalid value",
                    "A well-formed value that is not allowed: a duration, date, timestamp, kind, capability, event, "
                            + "account id, escape, principal prefix or diagnostic code.",
                    "Durations are a whole number above zero and one unit of s m h d w; dates are existing calendar "
                            + "days; timestamps are RFC 3339 with seconds and a zone. A malformed end is never read as "
                            + "already expired."),
            rule("IDF006", "Required attribute missing",
                    "A declaration lacks an attribute that it must have.",
                    "A system needs a kind (aws-iam an account, gcp-iam a project), an owner a contact, an identity "
                            + "a kind, a credential an issuer, an exception a grant and a start, a delegation an owner "
                            + "and what it may create, and an `allow` an `on` outside gcp-iam."),
            rule("IDF007", "No policy declaration, or more than one",
                    "The files of a policy must declare `policy \"NAME\"` exactly once.",
                    "The policy declaration names the policy and sets its limits (max-exception, max-break-glass)."),
            rule("IDF008", "Attribute repeated or not valid here",
                    "An attribute stands in a block where it does not belong, or is repeated where one is allowed.",
                    "Each block has its own attributes; `account` belongs to aws-iam systems only, `project` to "
                            + "gcp-iam, `address` to vault. Only `allow`, `waive`, `source` and `grant` repeat."),
            rule("IDF009", "Conflicting declarations",
                    "Two expiry rules for one type and env, or two sources for one event at one level.",
                    "Each lifecycle event has exactly one authoritative source per identity and each credential "
                            + "type one expiry rule per env, or the policy would say two things at once."));

    private static RuleInfo rule(String code, String title, String summary, String explanation) {
        return new RuleInfo(code, title, Severity.ERROR, "", "", summary, explanation);
    }
}
