package dev.idflow.syntax;

import java.util.List;
import java.util.Set;

/**
 * The kinds of block in the language and the attributes each may hold. The grammar
 * accepts any attribute in any block; this table decides which belong where (IDF008)
 * and narrows "expected one of ..." in syntax errors to the words of that block.
 */
public enum BlockKind {
    POLICY("policy", List.of("max-exception", "max-break-glass"), Set.of()),
    SYSTEM("system", List.of("kind", "can", "env", "mode", "account", "project", "address"), Set.of()),
    OWNER("owner", List.of("contact", "escalation"), Set.of()),
    EXPIRY("expiry", List.of("max", "rotate"), Set.of()),
    IDENTITY("identity",
            List.of("kind", "owner", "env", "expires", "description", "source", "waive"),
            Set.of("source", "waive")),
    CREDENTIAL("credential",
            List.of("issuer", "revoker", "ttl", "expires", "rotate", "stored-in", "path", "member", "allow",
                    "waive"),
            Set.of("allow", "waive")),
    EXCEPTION("exception",
            List.of("grant", "approver", "ticket", "reason", "from", "until", "for", "break-glass"),
            Set.of("grant")),
    DELEGATE("delegate", List.of("to", "create", "reconcile"), Set.of());

    private final String word;
    private final List<String> attributes;
    private final Set<String> repeatable;

    BlockKind(String word, List<String> attributes, Set<String> repeatable) {
        this.word = word;
        this.attributes = attributes;
        this.repeatable = repeatable;
    }

    public String word() {
        return word;
    }

    /** The attributes of this block, in canonical order (the order of LANGUAGE.md). */
    public List<String> attributes() {
        return attributes;
    }

    public boolean allows(String attribute) {
        return attributes.contains(attribute);
    }

    public boolean repeatable(String attribute) {
        return repeatable.contains(attribute);
    }
}
