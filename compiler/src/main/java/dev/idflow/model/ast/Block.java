package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;
import java.util.List;

/** The braces of a declaration: its attributes and, in an identity, its credentials. */
public record Block(List<Attribute> attributes, List<CredentialDecl> credentials, SourceSpan span) {

    public Block {
        attributes = List.copyOf(attributes);
        credentials = List.copyOf(credentials);
    }

    public static Block empty(SourceSpan span) {
        return new Block(List.of(), List.of(), span);
    }
}
