package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;
import java.util.List;

/**
 * One attribute of a block, in one of the shapes the grammar knows. Which attribute may
 * stand in which block is decided by the resolver, so that a misplaced one is a precise
 * finding rather than a syntax error.
 */
public sealed interface Attribute {

    /** The attribute word, as written, with its span. */
    Name key();

    /** The whole attribute. */
    SourceSpan span();

    default String word() {
        return key().text();
    }

    /** {@code kind workload}, {@code issuer vault-prod}: one word. */
    record WordAttr(Name key, Name value, SourceSpan span) implements Attribute {
    }

    /** {@code can provision, revoke}, {@code stored-in gh-actions}: a list of words. */
    record WordListAttr(Name key, List<Name> values, SourceSpan span) implements Attribute {
        public WordListAttr {
            values = List.copyOf(values);
        }
    }

    /** {@code path "..."}: one string. */
    record StringAttr(Name key, Text value, SourceSpan span) implements Attribute {
    }

    /** {@code contact "a", "b"}: a list of strings. */
    record StringListAttr(Name key, List<Text> values, SourceSpan span) implements Attribute {
        public StringListAttr {
            values = List.copyOf(values);
        }
    }

    /** {@code ttl 1h}, {@code expires 2027-06-30}, {@code from 2026-11-29T10:00:00Z}. */
    record ValueAttr(Name key, Literal value, SourceSpan span) implements Attribute {
    }

    /** {@code break-glass}. */
    record FlagAttr(Name key, SourceSpan span) implements Attribute {
    }

    /** {@code source delete from okta} inside an identity. */
    record SourceAttr(Name key, List<Name> events, Name system, SourceSpan span) implements Attribute {
        public SourceAttr {
            events = List.copyOf(events);
        }
    }

    /**
     * {@code waive IDF202 "reason" until 2027-01-31}; reason and until are null when left
     * out (IDF805, reported by the checks, not a syntax error).
     */
    record WaiveAttr(Name key, Name code, Text reason, Literal until, SourceSpan span) implements Attribute {
    }

    /** {@code allow "read", "list" on "secret/*"}; {@code on} may be left out. */
    record AllowAttr(Name key, List<Text> actions, List<Text> resources, SourceSpan span) implements Attribute {
        public AllowAttr {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    /** {@code grant payments-api.s3-writer to "user:alice@acme.example"}. */
    record GrantAttr(Name key, Name identity, Name credential, List<Text> principals, SourceSpan span)
            implements Attribute {
        public GrantAttr {
            principals = List.copyOf(principals);
        }
    }

    /** {@code create workload, pipeline in aws-prod}. */
    record CreateAttr(Name key, List<Name> kinds, List<Name> systems, SourceSpan span) implements Attribute {
        public CreateAttr {
            kinds = List.copyOf(kinds);
            systems = List.copyOf(systems);
        }
    }

    /** {@code reconcile every 24h by aws-prod}. */
    record ReconcileAttr(Name key, Literal every, Name system, SourceSpan span) implements Attribute {
    }
}
