package dev.idflow.syntax;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Messages;
import dev.idflow.model.diag.Severity;
import dev.idflow.syntax.antlr.IdFlowLexer;
import dev.idflow.syntax.antlr.IdFlowParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's complaints into IDF001 findings that name the offending token and
 * what was expected there, in the words of the block being read.
 */
final class SyntaxErrors extends BaseErrorListener {

    private final String path;
    private final List<Diagnostic> found = new ArrayList<>();
    private int lastLine = -1;
    private int lastCol = -1;

    SyntaxErrors(String path) {
        this.path = path;
    }

    List<Diagnostic> diagnostics() {
        return found;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        Token token = offendingSymbol instanceof Token t ? t : null;
        int col = charPositionInLine + 1;
        if (line == lastLine && col == lastCol) {
            return;
        }
        lastLine = line;
        lastCol = col;
        String message = token == null || !(recognizer instanceof Parser parser)
                ? Messages.format("IDF001.generic", msg)
                : describe(parser, token, e);
        found.add(Diagnostic.of("IDF001", Severity.ERROR, span(token, line, col), message));
    }

    void add(Diagnostic d) {
        found.add(d);
    }

    private SourceSpan span(Token token, int line, int col) {
        if (token == null || token.getType() == Token.EOF || token.getText() == null) {
            return SourceSpan.point(path, Math.max(line, 1), col);
        }
        String text = token.getText();
        int nl = text.indexOf('\n');
        String firstLine = nl < 0 ? text : text.substring(0, nl);
        return new SourceSpan(path, line, col, line, col + firstLine.codePointCount(0, firstLine.length()));
    }

    private static String describe(Parser parser, Token token, RecognitionException e) {
        switch (token.getType()) {
            case IdFlowLexer.UNTERMINATED_STRING:
                return Messages.format("IDF001.unterminatedString");
            case IdFlowLexer.UNTERMINATED_COMMENT:
                return Messages.format("IDF001.unterminatedComment");
            case IdFlowLexer.BAD_CHAR:
                return Messages.format("IDF001.badChar", printable(token.getText()));
            default:
                break;
        }
        IntervalSet expected = e != null && e.getExpectedTokens() != null
                ? e.getExpectedTokens() : parser.getExpectedTokens();
        String expectedText = expectedWords(expected, parser.getContext());
        return Messages.format("IDF001.expected", expectedText, found(token));
    }

    static String found(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of file";
        }
        return "`" + printable(token.getText()) + "`";
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static String expectedWords(IntervalSet expected, ParserRuleContext ctx) {
        BlockKind block = enclosingBlock(ctx);
        Vocabulary vocabulary = IdFlowParser.VOCABULARY;
        Set<String> keywords = new TreeSet<>();
        Set<String> others = new LinkedHashSet<>();
        boolean nameExpected = expected.contains(IdFlowLexer.NAME);
        for (int type : expected.toArray()) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                String word = literal.substring(1, literal.length() - 1);
                if (keep(word, block, nameExpected)) {
                    keywords.add("`" + word + "`");
                }
            } else {
                others.add(describeType(type, vocabulary));
            }
        }
        List<String> all = new ArrayList<>(keywords);
        all.addAll(others);
        if (all.isEmpty()) {
            return "something else";
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return "one of " + String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    private static boolean keep(String word, BlockKind block, boolean nameExpected) {
        if (isCredentialType(word)) {
            return block == null || block == BlockKind.IDENTITY;
        }
        if (!isAttributeWord(word)) {
            return true;
        }
        if (nameExpected) {
            return false;
        }
        return block == null || block.allows(word);
    }

    private static boolean isCredentialType(String word) {
        return dev.idflow.model.CredentialType.parse(word) != null;
    }

    private static boolean isAttributeWord(String word) {
        for (BlockKind k : BlockKind.values()) {
            if (k.allows(word)) {
                return true;
            }
        }
        return false;
    }

    private static String describeType(int type, Vocabulary vocabulary) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case IdFlowLexer.NAME -> "a name";
            case IdFlowLexer.STRING -> "a string";
            case IdFlowLexer.VALUE -> "a value (duration, date or timestamp)";
            default -> {
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? "`" + literal.substring(1, literal.length() - 1) + "`"
                        : vocabulary.getDisplayName(type);
            }
        };
    }

    private static BlockKind enclosingBlock(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof IdFlowParser.CredentialBlockContext || c instanceof IdFlowParser.CredentialContext) {
                return BlockKind.CREDENTIAL;
            }
            if (c instanceof IdFlowParser.PolicyDeclContext) {
                return BlockKind.POLICY;
            }
            if (c instanceof IdFlowParser.SystemDeclContext) {
                return BlockKind.SYSTEM;
            }
            if (c instanceof IdFlowParser.OwnerDeclContext) {
                return BlockKind.OWNER;
            }
            if (c instanceof IdFlowParser.ExpiryDeclContext) {
                return BlockKind.EXPIRY;
            }
            if (c instanceof IdFlowParser.IdentityDeclContext) {
                return BlockKind.IDENTITY;
            }
            if (c instanceof IdFlowParser.ExceptionDeclContext) {
                return BlockKind.EXCEPTION;
            }
            if (c instanceof IdFlowParser.DelegateDeclContext) {
                return BlockKind.DELEGATE;
            }
        }
        return null;
    }
}
