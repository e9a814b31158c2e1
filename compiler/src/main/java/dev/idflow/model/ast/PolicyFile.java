package dev.idflow.model.ast;

import java.util.List;

/** The syntax tree of one policy file. */
public record PolicyFile(String path, List<Declaration> declarations) {

    public PolicyFile {
        declarations = List.copyOf(declarations);
    }
}
