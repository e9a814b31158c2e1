package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Located;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The AWS IAM policy documents of TARGETS.md as data: which statements a document holds, and
 * its size as AWS counts it. The emitter writes these statements and IDF902 measures them
 * before anything is emitted, so the size judged is that of the file written.
 *
 * <p>A document, in this key order (compact here; the emitter indents it):
 * <pre>
 * {"Version": "2012-10-17",
 *  "Id": ID,                               only an exception's document has one
 *  "Statement": [
 *    {"Sid": SID, "Effect": "Allow",
 *     "Action": [...], "Resource": [...],  sorted, distinct
 *     "Condition": {"DateGreaterThanEquals": {"aws:CurrentTime": FROM},    only with a start
 *                   "DateLessThan": {"aws:CurrentTime": UNTIL}}}          only with an end
 *  ]}
 * </pre>
 * Each credential gives one statement per distinct set of resources among its grants (in
 * the order of the grants), with every action granted on that set: one statement with all
 * of a credential's actions and resources would grant each action on every resource.
 */
public final class AwsPolicy {

    /** IAM's policy language version. */
    public static final String VERSION = "2012-10-17";
    /** The largest managed policy AWS accepts, in characters without white space. */
    public static final int MANAGED_POLICY_LIMIT = 6144;

    private AwsPolicy() {
    }

    /** One statement; {@code notBefore} and {@code notAfter} (either may be null) bound its condition. */
    public record Statement(String sid, SortedSet<String> actions, SortedSet<String> resources, Instant notBefore,
            Instant notAfter) {
    }

    /**
     * The statements of an identity's document at one system: those of each of
     * {@code credentials} (the identity's credentials that the system issues, in name order),
     * until the credential's end.
     */
    public static List<Statement> identityStatements(Policy policy, List<Credential> credentials) {
        Sids sids = new Sids();
        List<Statement> out = new ArrayList<>();
        for (Credential c : credentials) {
            statements(c, c.name(), sids, null, Ends.notAfter(policy, c), out);
        }
        return out;
    }

    /** The {@code Id} of an exception's document. */
    public static String exceptionId(ExceptionGrant exception) {
        return "idflow-exception-" + exception.name();
    }

    /**
     * The statements of an exception's document at {@code system}: those of each credential it
     * grants that the system issues, from the exception's {@code from} until the grant's end
     * ({@link Ends#exceptionEnd}). A grant without both bounds gives none (a policy that
     * compiles has them).
     */
    public static List<Statement> exceptionStatements(Policy policy, ExceptionGrant exception, String system) {
        Sids sids = new Sids();
        List<Statement> out = new ArrayList<>();
        for (ExceptionGrant.GrantTo grant : exception.grants()) {
            Credential c = policy.credential(grant.identity(), grant.credential());
            Instant until = c == null ? null : Ends.exceptionEnd(policy, exception, c);
            if (c == null || !system.equals(c.issuer()) || until == null || exception.from() == null) {
                continue;
            }
            statements(c, c.qualifiedName(), sids, exception.from(), until, out);
        }
        return out;
    }

    /**
     * Adds to {@code out} the statements of {@code credential}, each with a fresh id from
     * {@code sids} for {@code sidName}, valid from {@code notBefore} until {@code notAfter}.
     * A grant without an action or without a resource adds nothing.
     */
    public static void statements(Credential credential, String sidName, Sids sids, Instant notBefore,
            Instant notAfter, List<Statement> out) {
        Map<SortedSet<String>, SortedSet<String>> byResources = new LinkedHashMap<>();
        for (Grant g : credential.grants()) {
            SortedSet<String> resources = values(g.resources());
            if (g.actions().isEmpty() || resources.isEmpty()) {
                continue;
            }
            byResources.computeIfAbsent(resources, k -> new TreeSet<>()).addAll(values(g.actions()));
        }
        byResources.forEach((resources, actions) ->
                out.add(new Statement(sids.next(sidName), actions, resources, notBefore, notAfter)));
    }

    private static SortedSet<String> values(List<Located> located) {
        SortedSet<String> out = new TreeSet<>();
        located.forEach(l -> out.add(l.value()));
        return out;
    }

    /** The document as compact JSON, strings escaped as the emitter's JSON writer escapes them. */
    public static String document(String id, List<Statement> statements) {
        Text text = new Text();
        write(id, statements, text);
        return text.b.toString();
    }

    /**
     * The size of the document as AWS counts it: characters (code points) of
     * {@link #document} that are not white space, counted without writing it (IDF902 measures
     * every identity's document).
     */
    public static int size(String id, List<Statement> statements) {
        Count count = new Count();
        write(id, statements, count);
        return count.n;
    }

    /** Where {@link #write} puts the document: JSON syntax, and strings to quote. */
    private interface Out {
        /** JSON syntax, which never holds white space. */
        void raw(String syntax);

        void quoted(String value);
    }

    /** The one description of the document's text. */
    private static void write(String id, List<Statement> statements, Out out) {
        out.raw("{\"Version\":");
        out.quoted(VERSION);
        if (id != null) {
            out.raw(",\"Id\":");
            out.quoted(id);
        }
        out.raw(",\"Statement\":[");
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            out.raw(i == 0 ? "{\"Sid\":" : ",{\"Sid\":");
            out.quoted(s.sid());
            out.raw(",\"Effect\":\"Allow\",\"Action\":");
            list(s.actions(), out);
            out.raw(",\"Resource\":");
            list(s.resources(), out);
            if (s.notBefore() != null || s.notAfter() != null) {
                out.raw(",\"Condition\":{");
                if (s.notBefore() != null) {
                    out.raw("\"DateGreaterThanEquals\":{\"aws:CurrentTime\":");
                    out.quoted(Values.rfc3339(s.notBefore()));
                    out.raw("}");
                }
                if (s.notAfter() != null) {
                    out.raw(s.notBefore() != null ? ",\"DateLessThan\":{\"aws:CurrentTime\":"
                            : "\"DateLessThan\":{\"aws:CurrentTime\":");
                    out.quoted(Values.rfc3339(s.notAfter()));
                    out.raw("}");
                }
                out.raw("}");
            }
            out.raw("}");
        }
        out.raw("]}");
    }

    private static void list(Set<String> values, Out out) {
        out.raw("[");
        boolean first = true;
        for (String v : values) {
            if (!first) {
                out.raw(",");
            }
            out.quoted(v);
            first = false;
        }
        out.raw("]");
    }

    private static final class Text implements Out {
        final StringBuilder b = new StringBuilder();

        @Override
        public void raw(String syntax) {
            b.append(syntax);
        }

        @Override
        public void quoted(String value) {
            b.append(quote(value));
        }
    }

    /** Counts what {@link Text} would write, but white space. */
    private static final class Count implements Out {
        int n;

        @Override
        public void raw(String syntax) {
            n += syntax.length();
        }

        @Override
        public void quoted(String value) {
            n += 2;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                i += Character.charCount(c);
                if (c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') {
                    n += 2;
                } else if (c < 0x20) {
                    n += 6;
                } else if (!Character.isWhitespace(c)) {
                    n++;
                }
            }
        }
    }

    /** {@code s} as a JSON string, escaped as Jackson writes it. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Statement ids of one document: letters and digits only (what IAM accepts), built from a
     * name, unique within the document. A collision gets the smallest free numeric suffix, so
     * the result depends only on the order of the requests, which is name order.
     */
    public static final class Sids {

        private final Set<String> used = new HashSet<>();

        /** A fresh id for {@code name}: {@code s3-writer} becomes {@code S3Writer}. */
        public String next(String name) {
            String base = base(name);
            String sid = base;
            for (int n = 2; !used.add(sid); n++) {
                sid = base + n;
            }
            return sid;
        }

        /** Each run of letters and digits with its first letter upper-cased; {@code Grant} when none. */
        static String base(String name) {
            StringBuilder out = new StringBuilder();
            boolean start = true;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (!alnum) {
                    start = true;
                    continue;
                }
                out.append(start ? Character.toUpperCase(c) : c);
                start = false;
            }
            return out.isEmpty() ? "Grant" : out.toString();
        }
    }
}
