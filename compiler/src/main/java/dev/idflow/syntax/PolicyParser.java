package dev.idflow.syntax;

import dev.idflow.model.SourceFile;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.ast.PolicyFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Messages;
import dev.idflow.model.diag.Severity;
import dev.idflow.syntax.antlr.IdFlowLexer;
import dev.idflow.syntax.antlr.IdFlowParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parse facade: bytes of one file in, a syntax tree and language findings out. This
 * and {@link AstBuilder} are the only places where ANTLR types appear.
 *
 * <p>Policy from Git is untrusted input, so the file size, the number of tokens and the
 * nesting depth are bounded, and each limit is a finding with a place, never an
 * exception.
 */
public final class PolicyParser {

    /** Files larger than this are refused (CHECKS.md: a file over 16 MiB is IDF001). */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** Deepest nesting of braces accepted (CHECKS.md: nesting deeper than 64 is IDF001). */
    public static final int MAX_DEPTH = 64;
    /** Most tokens read from one file; a realistic 16 MiB policy has fewer than half. */
    public static final int MAX_TOKENS = 8_000_000;

    private PolicyParser() {
    }

    /** Parses one file. Never throws for any input. */
    public static ParsedFile parse(SourceFile file) {
        Decoded decoded = decode(file);
        if (decoded.error() != null) {
            return failed(file.path(), "", decoded.error());
        }
        return parseText(file.path(), decoded.text());
    }

    /** Parses already decoded text. */
    public static ParsedFile parseText(String path, String text) {
        Tree parsed = tree(path, text, false);
        List<Diagnostic> errors = syntaxErrors(path, parsed);
        if (!errors.isEmpty()) {
            return new ParsedFile(path, text, null, errors);
        }
        AstBuilder builder = new AstBuilder(path);
        PolicyFile ast = builder.toPolicyFile(parsed.tree());
        return new ParsedFile(path, text, ast, builder.diagnostics());
    }

    /** The decoded text of a file as the parser reads it, or null when it cannot be read (IDF001). */
    public static String text(SourceFile file) {
        return decode(file).text();
    }

    /** The text of a file or the IDF001 finding that prevents reading it (too large, not UTF-8). */
    record Decoded(String text, Diagnostic error) {
    }

    /** Decodes a file; a leading byte-order mark is read as a space, so that columns stay put. */
    static Decoded decode(SourceFile file) {
        String path = file.path();
        if (file.size() > MAX_FILE_BYTES) {
            return new Decoded(null, error(SourceSpan.point(path, 1, 1),
                    Messages.format("IDF001.tooLarge", file.size(), MAX_FILE_BYTES)));
        }
        String text;
        try {
            text = decode(file.unsafeBytes());
        } catch (BadUtf8 e) {
            return new Decoded(null, error(e.span(path), Messages.format("IDF001.utf8", e.offset)));
        }
        if (text.startsWith("\uFEFF")) {
            text = " " + text.substring(1);
        }
        return new Decoded(text, null);
    }

    /** The syntax errors of a parse: the limit that stopped it, or what the parser reported. */
    static List<Diagnostic> syntaxErrors(String path, Tree parsed) {
        Token limit = parsed.source().limitToken();
        if (limit != null) {
            return List.of(error(tokenSpan(path, limit),
                    Messages.format("IDF001.limit", parsed.source().limitReason())));
        }
        return parsed.errors().diagnostics();
    }

    /** The parse tree with every token (comments included) of already decoded text, for the formatter. */
    static Tree tree(String path, String text) {
        return tree(path, text, true);
    }

    /** The parse tree of already decoded text; its token stream has the hidden tokens when asked. */
    private static Tree tree(String path, String text, boolean keepHidden) {
        SyntaxErrors errors = new SyntaxErrors(path);
        IdFlowLexer lexer = new IdFlowLexer(CharStreams.fromString(text, path));
        lexer.removeErrorListeners();
        BoundedTokenSource source = new BoundedTokenSource(lexer, MAX_TOKENS, MAX_DEPTH, keepHidden);
        CommonTokenStream tokens = new CommonTokenStream(source);
        IdFlowParser parser = new IdFlowParser(tokens);
        parser.removeErrorListeners();

        IdFlowParser.PolicyFileContext tree;
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            tree = parser.policyFile();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.policyFile();
        }
        tokens.fill();
        return new Tree(tokens, tree, errors, source);
    }

    /** One file's tokens and parse tree, and what went wrong on the way. */
    record Tree(CommonTokenStream tokens, IdFlowParser.PolicyFileContext tree, SyntaxErrors errors,
            BoundedTokenSource source) {
    }

    static SourceSpan tokenSpan(String path, Token t) {
        int col = t.getCharPositionInLine() + 1;
        int start = t.getStartIndex();
        int stop = t.getStopIndex();
        if (oneLine(t)) {
            // the char stream counts code points, so the width needs no copy of the text
            return new SourceSpan(path, t.getLine(), col, t.getLine(), col + stop - start + 1);
        }
        String text = t.getType() == Token.EOF || t.getText() == null ? "" : t.getText();
        int nl = text.indexOf('\n');
        if (nl < 0) {
            return new SourceSpan(path, t.getLine(), col, t.getLine(), col + text.codePointCount(0, text.length()));
        }
        String[] lines = text.split("\n", -1);
        String last = lines[lines.length - 1];
        return new SourceSpan(path, t.getLine(), col, t.getLine() + lines.length - 1,
                last.codePointCount(0, last.length()) + 1);
    }

    /**
     * True when a token's place follows from its start and length: a real token on one line
     * (only white space and block comments may hold a line break).
     */
    static boolean oneLine(Token t) {
        int type = t.getType();
        return type != Token.EOF && t.getStartIndex() >= 0 && t.getStopIndex() >= t.getStartIndex()
                && type != IdFlowLexer.WS && type != IdFlowLexer.BLOCK_COMMENT
                && type != IdFlowLexer.UNTERMINATED_COMMENT;
    }

    private static ParsedFile failed(String path, String text, Diagnostic d) {
        return new ParsedFile(path, text, null, List.of(d));
    }

    private static Diagnostic error(SourceSpan span, String message) {
        return Diagnostic.of("IDF001", Severity.ERROR, span, message);
    }

    private static String decode(byte[] bytes) throws BadUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            throw new BadUtf8(in.position(), out.toString());
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Where in the text decoding stopped, found from the text decoded before it. */
    private static final class BadUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        final int offset;
        final String before;

        BadUtf8(int offset, String before) {
            this.offset = offset;
            this.before = before;
        }

        SourceSpan span(String path) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int col = before.codePointCount(lineStart, before.length()) + 1;
            return new SourceSpan(path, line, col, line, col + 1);
        }
    }
}
