package dev.idflow.syntax;

import dev.idflow.syntax.antlr.IdFlowLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * A token source that stops a hostile file early: after too many tokens, or when braces
 * nest deeper than the language allows, it records the place and ends the stream, so that
 * no input can exhaust memory or time.
 */
final class BoundedTokenSource implements TokenSource {

    private final IdFlowLexer lexer;
    private final int maxTokens;
    private final int maxDepth;
    private final boolean keepHidden;
    private int count;
    private int depth;
    private Token limitToken;
    private String limitReason;

    /**
     * @param keepHidden whether white space, comments and semicolons reach the parser's token
     *     stream (the formatter needs them; a check does not, and dropping them halves the
     *     tokens a parse keeps and steps over). They count toward {@code maxTokens} either way.
     */
    BoundedTokenSource(IdFlowLexer lexer, int maxTokens, int maxDepth, boolean keepHidden) {
        this.lexer = lexer;
        this.maxTokens = maxTokens;
        this.maxDepth = maxDepth;
        this.keepHidden = keepHidden;
    }

    @Override
    public Token nextToken() {
        if (limitToken != null) {
            return eof();
        }
        Token t;
        do {
            t = lexer.nextToken();
            if (t.getType() == Token.EOF) {
                return t;
            }
            count++;
            if (count > maxTokens) {
                return stop(t, "the file has more than " + maxTokens + " tokens");
            }
        } while (!keepHidden && t.getChannel() != Token.DEFAULT_CHANNEL);
        if (t.getType() == IdFlowLexer.LBRACE && ++depth > maxDepth) {
            return stop(t, "blocks nest deeper than " + maxDepth + " levels");
        }
        if (t.getType() == IdFlowLexer.RBRACE && depth > 0) {
            depth--;
        }
        return t;
    }

    private Token stop(Token t, String reason) {
        limitToken = t;
        limitReason = reason;
        return eof();
    }

    private Token eof() {
        return lexer.getTokenFactory().create(
                new org.antlr.v4.runtime.misc.Pair<>(this, lexer.getInputStream()),
                Token.EOF, "<EOF>", Token.DEFAULT_CHANNEL,
                lexer.getInputStream().index(), lexer.getInputStream().index() - 1,
                lexer.getLine(), lexer.getCharPositionInLine());
    }

    /** The token at which a limit was hit, or null. */
    Token limitToken() {
        return limitToken;
    }

    String limitReason() {
        return limitReason;
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
