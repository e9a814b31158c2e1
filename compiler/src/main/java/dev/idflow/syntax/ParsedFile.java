package dev.idflow.syntax;

import dev.idflow.model.ast.PolicyFile;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;

/**
 * The result of parsing one file: its decoded text, its syntax tree (null when the file
 * has a language error that leaves no trustworthy tree) and the findings made on the way.
 */
public record ParsedFile(String path, String text, PolicyFile ast, List<Diagnostic> diagnostics) {

    public ParsedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The same file without its syntax tree: what an analysis keeps once the file is read
     * ({@link Resolver#read}; the text serves source excerpts), so that the trees, the largest
     * structure of a big policy, die young, one file at a time.
     */
    public ParsedFile withoutTree() {
        return ast == null ? this : new ParsedFile(path, text, null, diagnostics);
    }

    public boolean ok() {
        return ast != null;
    }
}
