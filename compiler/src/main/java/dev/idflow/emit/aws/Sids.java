package dev.idflow.emit.aws;

import java.util.HashSet;
import java.util.Set;

/**
 * Statement ids of one policy document: letters and digits only (what IAM accepts), built
 * from a name, unique within the document. A collision gets the smallest free numeric
 * suffix, so the result depends only on the order of the requests, which is name order.
 */
final class Sids {

    private final Set<String> used = new HashSet<>();

    /** A fresh id for {@code name}: {@code s3-writer} becomes {@code S3Writer}. */
    String next(String name) {
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
