package dev.idflow.syntax;

import dev.idflow.model.SourceSpan;
import dev.idflow.model.ast.Attribute;
import dev.idflow.model.ast.Block;
import dev.idflow.model.ast.CredentialDecl;
import dev.idflow.model.ast.Declaration;
import dev.idflow.model.ast.Literal;
import dev.idflow.model.ast.Name;
import dev.idflow.model.ast.PolicyFile;
import dev.idflow.model.ast.Text;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Messages;
import dev.idflow.model.diag.Severity;
import dev.idflow.syntax.antlr.IdFlowLexer;
import dev.idflow.syntax.antlr.IdFlowParser;
import dev.idflow.syntax.antlr.IdFlowParser.AllowAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.AttributeContext;
import dev.idflow.syntax.antlr.IdFlowParser.CreateAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.FlagAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.GrantAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.ReconcileAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.SourceAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.StringAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.StringListAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.ValueAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.WaiveAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.WordAttrContext;
import dev.idflow.syntax.antlr.IdFlowParser.WordListAttrContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Converts an error-free parse tree into the syntax tree of {@code dev.idflow.model.ast},
 * one {@code toX} method per grammar rule. String escapes are resolved here; an unknown
 * escape is an IDF005 finding at its exact place.
 */
final class AstBuilder {

    /** The text of every keyword token by its type (a keyword's text is its literal): no copy per use. */
    private static final String[] KEYWORDS = keywords();

    private final String path;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** One copy of each word of the file: names and keywords repeat thousands of times in a large policy. */
    private final Map<String, String> words = new HashMap<>();

    AstBuilder(String path) {
        this.path = path;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    PolicyFile toPolicyFile(IdFlowParser.PolicyFileContext ctx) {
        List<Declaration> declarations = new ArrayList<>();
        for (IdFlowParser.DeclarationContext d : ctx.declaration()) {
            declarations.add(toDeclaration(d));
        }
        return new PolicyFile(path, declarations);
    }

    private Declaration toDeclaration(IdFlowParser.DeclarationContext ctx) {
        if (ctx.policyDecl() != null) {
            return toPolicyDecl(ctx.policyDecl());
        }
        if (ctx.systemDecl() != null) {
            var c = ctx.systemDecl();
            return new Declaration.SystemDecl(keyword(c.SYSTEM()), toName(c.name()), toBlock(c.block()), span(c));
        }
        if (ctx.ownerDecl() != null) {
            var c = ctx.ownerDecl();
            return new Declaration.OwnerDecl(keyword(c.OWNER()), toName(c.name()), toBlock(c.block()), span(c));
        }
        if (ctx.sourceDecl() != null) {
            var c = ctx.sourceDecl();
            return new Declaration.SourceDecl(keyword(c.SOURCE()), toNames(c.nameList()), toName(c.name()), span(c));
        }
        if (ctx.expiryDecl() != null) {
            return toExpiryDecl(ctx.expiryDecl());
        }
        if (ctx.identityDecl() != null) {
            var c = ctx.identityDecl();
            return new Declaration.IdentityDecl(keyword(c.IDENTITY()), toName(c.name()), toBlock(c.block()), span(c));
        }
        if (ctx.exceptionDecl() != null) {
            var c = ctx.exceptionDecl();
            return new Declaration.ExceptionDecl(keyword(c.EXCEPTION()), toName(c.name()), toBlock(c.block()),
                    span(c));
        }
        var c = ctx.delegateDecl();
        return new Declaration.DelegateDecl(keyword(c.DELEGATE()), toName(c.name()), toBlock(c.block()), span(c));
    }

    private Declaration toPolicyDecl(IdFlowParser.PolicyDeclContext c) {
        Block block = c.block() == null ? Block.empty(span(c)) : toBlock(c.block());
        return new Declaration.PolicyDecl(keyword(c.POLICY()), toText(c.STRING().getSymbol()), block, span(c));
    }

    private Declaration toExpiryDecl(IdFlowParser.ExpiryDeclContext c) {
        List<Name> types = new ArrayList<>();
        for (IdFlowParser.CredentialTypeContext t : c.credentialTypeList().credentialType()) {
            types.add(new Name(word(t.getText()), span(t)));
        }
        Name env = c.name() == null ? null : toName(c.name());
        return new Declaration.ExpiryDecl(keyword(c.EXPIRY()), types, env, toBlock(c.block()), span(c));
    }

    private Block toBlock(IdFlowParser.BlockContext ctx) {
        List<Attribute> attributes = new ArrayList<>();
        List<CredentialDecl> credentials = new ArrayList<>();
        for (IdFlowParser.MemberContext m : ctx.member()) {
            if (m.attribute() != null) {
                attributes.add(toAttribute(m.attribute()));
            } else {
                credentials.add(toCredential(m.credential()));
            }
        }
        return new Block(attributes, credentials, span(ctx));
    }

    private CredentialDecl toCredential(IdFlowParser.CredentialContext ctx) {
        List<Attribute> attributes = new ArrayList<>();
        for (AttributeContext a : ctx.credentialBlock().attribute()) {
            attributes.add(toAttribute(a));
        }
        Block block = new Block(attributes, List.of(), span(ctx.credentialBlock()));
        Name type = new Name(word(text(ctx.credentialType())), span(ctx.credentialType()));
        return new CredentialDecl(type, toName(ctx.name()), block, span(ctx));
    }

    private Attribute toAttribute(AttributeContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof WordAttrContext c) {
            return new Attribute.WordAttr(key(c.key), toName(c.name()), span);
        }
        if (ctx instanceof WordListAttrContext c) {
            return new Attribute.WordListAttr(key(c.key), toNames(c.nameList()), span);
        }
        if (ctx instanceof StringAttrContext c) {
            return new Attribute.StringAttr(key(c.key), toText(c.STRING().getSymbol()), span);
        }
        if (ctx instanceof StringListAttrContext c) {
            return new Attribute.StringListAttr(key(c.key), toTexts(c.stringList()), span);
        }
        if (ctx instanceof ValueAttrContext c) {
            return new Attribute.ValueAttr(key(c.key), toLiteral(c.value()), span);
        }
        if (ctx instanceof FlagAttrContext c) {
            return new Attribute.FlagAttr(key(c.key), span);
        }
        if (ctx instanceof SourceAttrContext c) {
            return new Attribute.SourceAttr(key(c.key), toNames(c.nameList()), toName(c.name()), span);
        }
        if (ctx instanceof WaiveAttrContext c) {
            Text reason = c.STRING() == null ? null : toText(c.STRING().getSymbol());
            Literal until = c.value() == null ? null : toLiteral(c.value());
            return new Attribute.WaiveAttr(key(c.key), toName(c.name()), reason, until, span);
        }
        if (ctx instanceof AllowAttrContext c) {
            List<Text> resources = c.stringList().size() > 1 ? toTexts(c.stringList(1)) : List.of();
            return new Attribute.AllowAttr(key(c.key), toTexts(c.stringList(0)), resources, span);
        }
        if (ctx instanceof GrantAttrContext c) {
            return new Attribute.GrantAttr(key(c.key), toName(c.name(0)), toName(c.name(1)),
                    toTexts(c.stringList()), span);
        }
        if (ctx instanceof CreateAttrContext c) {
            return new Attribute.CreateAttr(key(c.key), toNames(c.nameList(0)), toNames(c.nameList(1)), span);
        }
        ReconcileAttrContext c = (ReconcileAttrContext) ctx;
        return new Attribute.ReconcileAttr(key(c.key), toLiteral(c.value()), toName(c.name()), span);
    }

    private Name toName(IdFlowParser.NameContext ctx) {
        return new Name(word(text(ctx)), span(ctx));
    }

    private List<Name> toNames(IdFlowParser.NameListContext ctx) {
        List<Name> names = new ArrayList<>();
        for (IdFlowParser.NameContext n : ctx.name()) {
            names.add(toName(n));
        }
        return names;
    }

    private List<Text> toTexts(IdFlowParser.StringListContext ctx) {
        List<Text> texts = new ArrayList<>();
        for (TerminalNode s : ctx.STRING()) {
            texts.add(toText(s.getSymbol()));
        }
        return texts;
    }

    private Literal toLiteral(IdFlowParser.ValueContext ctx) {
        return new Literal(word(text(ctx)), span(ctx));
    }

    private Name key(Token t) {
        String literal = t.getType() >= 0 && t.getType() < KEYWORDS.length ? KEYWORDS[t.getType()] : null;
        return new Name(literal != null ? literal : word(t.getText()), PolicyParser.tokenSpan(path, t));
    }

    private static String[] keywords() {
        Vocabulary v = IdFlowLexer.VOCABULARY;
        String[] out = new String[v.getMaxTokenType() + 1];
        for (int type = 0; type <= v.getMaxTokenType(); type++) {
            String literal = v.getLiteralName(type);
            if (literal != null && literal.length() > 2 && literal.startsWith("'") && literal.endsWith("'")) {
                out[type] = literal.substring(1, literal.length() - 1);
            }
        }
        return out;
    }

    private Name keyword(TerminalNode node) {
        return key(node.getSymbol());
    }

    private Text toText(Token token) {
        SourceSpan span = PolicyParser.tokenSpan(path, token);
        String raw = token.getText();
        return new Text(word(unescape(raw.substring(1, raw.length() - 1), span)), span);
    }

    /** Resolves {@code \" \\ \n \t \}{@code uXXXX}; reports any other escape at its column. */
    private String unescape(String body, SourceSpan span) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch != '\\') {
                out.append(ch);
                i++;
                continue;
            }
            char next = body.charAt(i + 1);
            int consumed = 2;
            switch (next) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    String hex = body.length() >= i + 6 ? body.substring(i + 2, i + 6) : "";
                    if (hex.matches("[0-9A-Fa-f]{4}")) {
                        out.append((char) Integer.parseInt(hex, 16));
                        consumed = 6;
                    } else {
                        badEscape(body, i, 2, span);
                    }
                }
                default -> badEscape(body, i, Character.charCount(body.codePointAt(i + 1)) + 1, span);
            }
            i += consumed;
        }
        return out.toString();
    }

    private void badEscape(String body, int index, int length, SourceSpan span) {
        int col = span.startCol() + 1 + body.codePointCount(0, index);
        String escape = body.substring(index, Math.min(body.length(), index + length));
        SourceSpan at = new SourceSpan(path, span.startLine(), col, span.startLine(),
                col + escape.codePointCount(0, escape.length()));
        diagnostics.add(Diagnostic.of("IDF005", Severity.ERROR, at, Messages.format("IDF005.escape", escape))
                .withHelp(Messages.format("IDF005.escape.help")));
    }

    private String word(String w) {
        String first = words.putIfAbsent(w, w);
        return first == null ? w : first;
    }

    /** The text of a rule; most rules are one token, whose text needs no concatenation. */
    private static String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        return start != null && start == ctx.getStop() ? start.getText() : ctx.getText();
    }

    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        if (PolicyParser.oneLine(start) && PolicyParser.oneLine(stop)) {
            // the common case, one object instead of three
            return new SourceSpan(path, start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(),
                    stop.getCharPositionInLine() + 1 + stop.getStopIndex() - stop.getStartIndex() + 1);
        }
        return PolicyParser.tokenSpan(path, start).to(PolicyParser.tokenSpan(path, stop));
    }
}
