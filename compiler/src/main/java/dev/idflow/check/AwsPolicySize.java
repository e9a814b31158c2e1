package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.End;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The identity-based AWS policy document {@code aws/SYSTEM/IDENTITY.json} of TARGETS.md and
 * its size as AWS counts it (characters without white space), so that IDF902 can judge the
 * managed policy limit before anything is emitted. Self-contained (model types only) so that
 * an emitter can reuse it without depending on the checks.
 *
 * <p>The structure, in this key order:
 * <pre>
 * {"Version": "2012-10-17",
 *  "Statement": [                         one per credential of the identity issued by SYSTEM
 *    {"Sid": SID,                          that has grants, credentials in name order
 *     "Effect": "Allow",
 *     "Action": [...],                     every action of its grants, sorted, distinct
 *     "Resource": [...],                   every resource of its grants, sorted, distinct
 *     "Condition": {"DateLessThan": {"aws:CurrentTime": NOT_AFTER}}}   only with a not_after
 *  ]}
 * </pre>
 * SID is the credential's name with everything but ASCII letters and digits removed
 * ({@code Statement} when nothing remains), made unique by appending 2, 3, ... . NOT_AFTER is
 * the earlier of the credential's and its identity's {@code expires}, RFC 3339 in UTC.
 * Strings are JSON-escaped as Jackson writes them ({@code \"}, {@code \\}, {@code \n},
 * {@code \t}, {@code \r}, {@code \b}, {@code \f}, other control characters {@code \}{@code u00XX}).
 */
public final class AwsPolicySize {

    /** The largest managed policy AWS accepts, in characters without white space. */
    public static final int MANAGED_POLICY_LIMIT = 6144;

    /** One statement of the document. */
    public record Statement(String sid, SortedSet<String> actions, SortedSet<String> resources, Instant notAfter) {
    }

    private AwsPolicySize() {
    }

    /** The statements of {@code identity}'s credentials issued by {@code system}. */
    public static List<Statement> statements(Identity identity, String system) {
        List<Statement> out = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (Credential c : identity.credentials().values()) {
            if (!system.equals(c.issuer()) || c.grants().isEmpty()) {
                continue;
            }
            SortedSet<String> actions = new TreeSet<>();
            SortedSet<String> resources = new TreeSet<>();
            for (Grant g : c.grants()) {
                g.actions().stream().map(Located::value).forEach(actions::add);
                g.resources().stream().map(Located::value).forEach(resources::add);
            }
            End end = End.earliest(c.expires(), identity.expires());
            out.add(new Statement(uniqueSid(c.name(), sids), actions, resources, end == null ? null : end.instant()));
        }
        return out;
    }

    /** The document of {@code statements} as compact JSON (no white space outside strings). */
    public static String document(List<Statement> statements) {
        StringBuilder b = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            b.append(i == 0 ? "" : ",").append("{\"Sid\":").append(quote(s.sid())).append(",\"Effect\":\"Allow\"");
            b.append(",\"Action\":");
            list(b, s.actions());
            b.append(",\"Resource\":");
            list(b, s.resources());
            if (s.notAfter() != null) {
                b.append(",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":")
                        .append(quote(Values.rfc3339(s.notAfter()))).append("}}");
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** The size of the document as AWS counts it: characters (code points) that are not white space. */
    public static int size(List<Statement> statements) {
        String doc = document(statements);
        int size = 0;
        for (int i = 0; i < doc.length(); ) {
            int c = doc.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isWhitespace(c)) {
                size++;
            }
        }
        return size;
    }

    private static String uniqueSid(String name, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9]", "");
        if (base.isEmpty()) {
            base = "Statement";
        }
        String sid = base;
        for (int n = 2; !taken.add(sid); n++) {
            sid = base + n;
        }
        return sid;
    }

    private static void list(StringBuilder b, Set<String> values) {
        b.append('[');
        boolean first = true;
        for (String v : values) {
            b.append(first ? "" : ",").append(quote(v));
            first = false;
        }
        b.append(']');
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
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
}
