package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;
import java.util.List;

/** A top-level declaration of a policy file. */
public sealed interface Declaration {

    /** The whole declaration. */
    SourceSpan span();

    /** The reserved word that opens it, with its span. */
    Name keyword();

    /** {@code policy "acme-nhi" { ... }}; the block is empty when the braces are left out. */
    record PolicyDecl(Name keyword, Text name, Block block, SourceSpan span) implements Declaration {
    }

    /** {@code system NAME { ... }}. */
    record SystemDecl(Name keyword, Name name, Block block, SourceSpan span) implements Declaration {
    }

    /** {@code owner NAME { ... }}. */
    record OwnerDecl(Name keyword, Name name, Block block, SourceSpan span) implements Declaration {
    }

    /** {@code source create, update from servicenow} at top level. */
    record SourceDecl(Name keyword, List<Name> events, Name system, SourceSpan span) implements Declaration {
        public SourceDecl {
            events = List.copyOf(events);
        }
    }

    /** {@code expiry secret, key [in ENV] { ... }}; env is null when not given. */
    record ExpiryDecl(Name keyword, List<Name> types, Name env, Block block, SourceSpan span)
            implements Declaration {
        public ExpiryDecl {
            types = List.copyOf(types);
        }
    }

    /** {@code identity NAME { ... }}. */
    record IdentityDecl(Name keyword, Name name, Block block, SourceSpan span) implements Declaration {
    }

    /** {@code exception NAME { ... }}. */
    record ExceptionDecl(Name keyword, Name name, Block block, SourceSpan span) implements Declaration {
    }

    /** {@code delegate NAME { ... }}. */
    record DelegateDecl(Name keyword, Name name, Block block, SourceSpan span) implements Declaration {
    }
}
