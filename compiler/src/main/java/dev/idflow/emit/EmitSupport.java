package dev.idflow.emit;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the target emitters share: which systems get files, when a credential ends, safe
 * path segments, and JSON files that are validated against their schema before they exist.
 */
public final class EmitSupport {

    /** LANGUAGE.md: the only shape a name can have; anything else is never a path segment. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private EmitSupport() {
    }

    /** The credentials of one identity issued by one system, in name order. */
    public record Issued(Identity identity, List<Credential> credentials) {
    }

    /**
     * The systems of {@code kind} in {@code mode enforce} (name order; a monitored system gets
     * no file), each with the identities that hold a credential it issues (name order) and
     * those credentials. One pass over the policy, where asking every system about every
     * identity cost systems times identities.
     */
    public static Map<ManagedSystem, List<Issued>> issuedByEnforced(Policy policy, SystemKind kind) {
        Map<String, List<Issued>> byIssuer = new HashMap<>();
        for (Identity identity : policy.identities().values()) {
            Map<String, List<Credential>> own = new LinkedHashMap<>();
            for (Credential c : identity.credentials().values()) {
                if (c.issuer() != null) {
                    own.computeIfAbsent(c.issuer(), k -> new ArrayList<>()).add(c);
                }
            }
            own.forEach((issuer, credentials) ->
                    byIssuer.computeIfAbsent(issuer, k -> new ArrayList<>()).add(new Issued(identity, credentials)));
        }
        Map<ManagedSystem, List<Issued>> out = new LinkedHashMap<>();
        for (ManagedSystem s : policy.systems().values()) {
            if (s.kind() == kind && !s.monitored()) {
                out.put(s, byIssuer.getOrDefault(s.name(), List.of()));
            }
        }
        return out;
    }

    /**
     * {@code name} as one path segment, checked to be a plain name of the language, so that no
     * name can make a path leave the output folder.
     */
    public static String segment(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a name usable in an output path: " + name);
        }
        return name;
    }

    /**
     * The JSON file {@code path}, whose schema is {@code schemas/SCHEMA.schema.json}. The
     * pipeline validates every JSON file against the schema its emitter names (a violation
     * is a bug in idflow, never a file); the name is given here so that each call site says
     * which schema its document follows.
     */
    public static GeneratedFile json(String path, String schema, JsonNode node) {
        return GeneratedFile.json(path, node);
    }

    /**
     * {@code text} as a double-quoted string literal that reads back as exactly {@code text}
     * in both consumers that take policy text inside code, Vault's HCL v1 and CEL: backslash,
     * quote and every control character (and U+2028/U+2029) escaped, everything else,
     * {@code ${} and {@code %{} included, written as it is.
     */
    public static String quoted(String text) {
        return '"' + escaped(text) + '"';
    }

    /** The inside of {@link #quoted}: {@code text} escaped, without the quotes. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
