package dev.idflow.syntax;

import dev.idflow.model.ast.PolicyFile;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;

/**
 * The result of parsing one file: its decoded text, its syntax tree (null when the file
 * has a language error that leaves no trustworthy tree) and the findings made on the way.
 * What an analysis keeps of it has neither ({@link #withoutTreeAndText}).
 */
public record ParsedFile(String path, String text, PolicyFile ast, List<Diagnostic> diagnostics) {

    public ParsedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The same file without its syntax tree and its text: what an analysis keeps once the file
     * is read ({@link Resolver#read}), so that the trees, the largest structure of a big policy,
     * die young, one file at a time, and the text is not a second copy of the file's bytes for
     * as long as the analysis lives ({@link PolicyParser#text} decodes it again for source
     * excerpts: the text report, once per file with findings).
     */
    public ParsedFile withoutTreeAndText() {
        return new ParsedFile(path, null, null, diagnostics);
    }

    public boolean ok() {
        return ast != null;
    }
}
