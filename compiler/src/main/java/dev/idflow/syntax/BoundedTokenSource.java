package dev.idflow.syntax;

import dev.idflow.syntax.antlr.IdFlowLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

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
        if (!keepHidden) {
            lexer.setTokenFactory(HiddenDropping.INSTANCE);
        }
    }

    /**
     * Makes tokens as ANTLR's default factory does, except that every off-channel token is
     * one shared placeholder: they are dropped right away, so a parse for a check does not
     * allocate one object per run of white space.
     */
    private static final class HiddenDropping implements TokenFactory<CommonToken> {
        static final HiddenDropping INSTANCE = new HiddenDropping();
        private static final CommonToken HIDDEN = hidden();

        private static CommonToken hidden() {
            CommonToken t = new CommonToken(IdFlowLexer.WS);
            t.setChannel(Token.HIDDEN_CHANNEL);
            return t;
        }

        @Override
        public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel,
                int start, int stop, int line, int charPositionInLine) {
            if (channel != Token.DEFAULT_CHANNEL) {
                return HIDDEN;
            }
            return CommonTokenFactory.DEFAULT.create(source, type, text, channel, start, stop, line,
                    charPositionInLine);
        }

        @Override
        public CommonToken create(int type, String text) {
            return CommonTokenFactory.DEFAULT.create(type, text);
        }
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
                return stop(placed(t), "the file has more than " + maxTokens + " tokens");
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

    /** A dropped token's placeholder has no place: make a real token of it, at the lexer's last token. */
    private Token placed(Token t) {
        if (t != HiddenDropping.HIDDEN) {
            return t;
        }
        return CommonTokenFactory.DEFAULT.create(new Pair<>(lexer, lexer.getInputStream()), lexer.getType(), null,
                Token.HIDDEN_CHANNEL, lexer._tokenStartCharIndex, lexer.getCharIndex() - 1, lexer._tokenStartLine,
                lexer._tokenStartCharPositionInLine);
    }

    private Token stop(Token t, String reason) {
        limitToken = t;
        limitReason = reason;
        return eof();
    }

    private Token eof() {
        return lexer.getTokenFactory().create(
                new Pair<>(this, lexer.getInputStream()),
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
