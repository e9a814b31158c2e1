package dev.idflow.model.ast;

import dev.idflow.model.SourceSpan;

/** {@code secret db-password { ... }}: a credential declared inside a block. */
public record CredentialDecl(Name type, Name name, Block block, SourceSpan span) {
}
