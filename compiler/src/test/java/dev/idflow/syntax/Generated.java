package dev.idflow.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Valid policies in random layouts, for the formatter's properties and its timing: the
 * declarations of a small organisation with {@code identities} identities, attributes in any
 * order, any whitespace, {@code ;} and numbered comments between tokens.
 */
final class Generated {

    private Generated() {
    }

    private static final String[] TYPES = {"secret", "token", "certificate", "key", "binding"};
    private static final String[] KINDS = {"workload", "service-account", "pipeline", "agent"};

    /** A random valid policy; with a null {@code random}, one in a plain layout. */
    static String policy(Random random, int identities) {
        Writer w = new Writer(random);
        w.declaration(List.of("policy", "\"gen\""), List.of(List.of("max-exception", "72h")));
        w.declaration(List.of("system", "okta"), List.of(List.of("kind", "idp"),
                List.of("can", "approve", ",", "suspend")));
        w.declaration(List.of("system", "vault"), List.of(List.of("kind", "vault"),
                List.of("can", "provision", ",", "revoke", ",", "rotate", ",", "expire"),
                List.of("address", "\"https://vault.example\""), List.of("env", "prod")));
        w.declaration(List.of("system", "ci"), List.of(List.of("kind", "ci"), List.of("can", "store", ",", "revoke")));
        w.declaration(List.of("source", "create", ",", "update", ",", "delete", "from", "okta"), null);
        w.declaration(List.of("source", "suspend", "from", "okta"), null);
        w.declaration(List.of("owner", "team"), List.of(List.of("contact", "\"team@x.example\"", ",", "\"b@x.example\""),
                List.of("escalation", "\"ciso@x.example\"")));
        w.declaration(List.of("expiry", "secret", ",", "key", "in", "prod"), List.of(List.of("max", "90d"),
                List.of("rotate", "30d")));
        for (int i = 0; i < identities; i++) {
            w.identity(i);
        }
        w.declaration(List.of("exception", "ex"), List.of(List.of("grant", "id0", ".", "c0", "to", "\"user:a@x.example\""),
                List.of("approver", "team"), List.of("ticket", "\"T-1\""), List.of("reason", "\"why\""),
                List.of("from", "2026-11-29T10:00:00Z"), List.of("for", "4h"), List.of("break-glass")));
        w.declaration(List.of("delegate", "dg"), List.of(List.of("to", "team"),
                List.of("create", "workload", ",", "pipeline", "in", "vault"),
                List.of("reconcile", "every", "24h", "by", "vault")));
        return w.out.toString();
    }

    private static final class Writer {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private int comments;

        Writer(Random random) {
            this.random = random;
        }

        void identity(int i) {
            List<List<String>> attrs = new ArrayList<>();
            attrs.add(List.of("kind", KINDS[pick(KINDS.length, i)]));
            attrs.add(List.of("owner", "team"));
            if (pick(2, i) == 0) {
                attrs.add(List.of("env", "prod"));
            }
            attrs.add(List.of("description", "\"identity " + i + " # not a comment\""));
            attrs.add(List.of("source", "delete", "from", "okta"));
            shuffle(attrs);
            separator();
            words(List.of("identity", "id" + i));
            words(List.of("{"));
            int credentials = i == 0 ? 2 : 1 + pick(3, i);
            int at = 0;
            for (int c = 0; c < credentials; c++) {
                while (at < attrs.size() && pick(2, c) == 0) {
                    attribute(attrs.get(at++));
                }
                credential(i, c);
            }
            while (at < attrs.size()) {
                attribute(attrs.get(at++));
            }
            words(List.of("}"));
        }

        void credential(int i, int c) {
            String type = i == 0 && c == 0 ? "binding" : TYPES[pick(TYPES.length, i + c)];
            List<List<String>> attrs = new ArrayList<>();
            attrs.add(List.of("issuer", "vault"));
            attrs.add(List.of("ttl", "1h"));
            if (type.equals("secret") || type.equals("key")) {
                attrs.add(List.of("rotate", "1d"));
            }
            if (pick(2, c) == 0) {
                attrs.add(List.of("stored-in", "ci"));
            }
            attrs.add(List.of("allow", "\"read\"", ",", "\"list\"", "on", "\"secret/" + i + "/*\""));
            attrs.add(List.of("allow", "\"update\"", "on", "\"secret/" + i + "/" + c + "\""));
            attrs.add(List.of("path", "\"p/" + i + "\""));
            attrs.add(List.of("waive", "IDF501", "\"reason\"", "until", "2027-01-31"));
            shuffleKeepingAllows(attrs);
            separator();
            words(List.of(type, "c" + c));
            block(attrs);
        }

        void declaration(List<String> header, List<List<String>> attrs) {
            separator();
            words(header);
            if (attrs != null) {
                List<List<String>> shuffled = new ArrayList<>(attrs);
                shuffle(shuffled);
                block(shuffled);
            }
        }

        void block(List<List<String>> attrs) {
            words(List.of("{"));
            attrs.forEach(this::attribute);
            words(List.of("}"));
        }

        void attribute(List<String> attr) {
            words(attr);
            if (random != null && random.nextInt(4) == 0) {
                out.append(';');
            }
        }

        void words(List<String> words) {
            for (String w : words) {
                separator();
                out.append(w);
            }
        }

        void separator() {
            if (random == null) {
                out.append(out.length() == 0 ? "" : "\n");
                return;
            }
            switch (random.nextInt(9)) {
                case 0 -> out.append(" /* c").append(comments++).append(" */ ");
                case 1 -> out.append(" # c").append(comments++).append('\n');
                case 2 -> out.append("\n// c").append(comments++).append("\n\n");
                case 3 -> out.append("\n\n");
                case 4 -> out.append("\t");
                case 5 -> out.append("\n   ");
                default -> out.append(' ');
            }
        }

        private int pick(int n, int fallback) {
            return random == null ? fallback % n : random.nextInt(n);
        }

        private void shuffle(List<List<String>> attrs) {
            if (random != null) {
                Collections.shuffle(attrs, random);
            }
        }

        /** Any order, except that the two {@code allow}s keep theirs: the order of grants is meaning. */
        private void shuffleKeepingAllows(List<List<String>> attrs) {
            shuffle(attrs);
            List<Integer> allows = new ArrayList<>();
            for (int k = 0; k < attrs.size(); k++) {
                if (attrs.get(k).get(0).equals("allow")) {
                    allows.add(k);
                }
            }
            if (attrs.get(allows.get(0)).get(1).equals("\"update\"")) {
                Collections.swap(attrs, allows.get(0), allows.get(1));
            }
        }
    }
}
