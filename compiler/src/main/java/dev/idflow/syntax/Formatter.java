package dev.idflow.syntax;

import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.syntax.antlr.IdFlowLexer;
import dev.idflow.syntax.antlr.IdFlowParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The canonical layout of a policy file ({@code idflow fmt}): two spaces per level, one
 * space between tokens, attributes in the order of LANGUAGE.md ({@link BlockKind#attributes()})
 * with credentials after them, every block on its own lines, one blank line between top-level
 * declarations and before each credential, {@code ;} dropped, LF line ends.
 *
 * <p>Comments are read back from the hidden channel and move with what they describe: the
 * comments above an element (and any written inside its header or inside an attribute) are
 * printed above it, a comment on the same line after it stays there, and comments before a
 * closing brace stay inside the block. Blank lines after a comment are kept (as one). Only
 * layout changes, so the resolved policy before and after is the same, and formatting
 * formatted text changes nothing.
 */
public final class Formatter {

    private static final String INDENT = "  ";

    private final List<Token> tokens;
    private final boolean[] claimed;
    private final StringBuilder out = new StringBuilder();

    private Formatter(List<Token> tokens) {
        this.tokens = tokens;
        this.claimed = new boolean[tokens.size()];
    }

    /** The outcome for one file: the canonical text, or the syntax errors that prevent it. */
    public record Result(String path, String original, String formatted, List<Diagnostic> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return formatted != null;
        }

        /** True when the file is well formed and its canonical layout differs from what is written. */
        public boolean changed() {
            return ok() && !formatted.equals(original);
        }
    }

    /**
     * Formats one file. A file that does not parse (IDF001: a syntax error, invalid UTF-8, a
     * limit) is returned with its errors and no text; other findings do not stop formatting, and
     * the file is parsed once, without building its syntax tree.
     */
    public static Result format(SourceFile file) {
        String original = new String(file.unsafeBytes(), StandardCharsets.UTF_8);
        PolicyParser.Decoded decoded = PolicyParser.decode(file);
        if (decoded.error() != null) {
            return new Result(file.path(), original, null, List.of(decoded.error()));
        }
        PolicyParser.Tree tree = PolicyParser.tree(file.path(), decoded.text());
        List<Diagnostic> errors = PolicyParser.syntaxErrors(file.path(), tree);
        if (!errors.isEmpty()) {
            return new Result(file.path(), original, null, errors);
        }
        return new Result(file.path(), original, print(tree), List.of());
    }

    /**
     * The canonical layout of {@code text}.
     *
     * @throws IllegalArgumentException when the text does not parse
     */
    public static String formatText(String path, String text) {
        PolicyParser.Tree tree = PolicyParser.tree(path, text);
        if (!PolicyParser.syntaxErrors(path, tree).isEmpty()) {
            throw new IllegalArgumentException("not a well-formed policy file: " + path);
        }
        return print(tree);
    }

    private static String print(PolicyParser.Tree tree) {
        Formatter f = new Formatter(tree.tokens().getTokens());
        f.file(tree.tree());
        return f.out.toString();
    }

    private void file(IdFlowParser.PolicyFileContext ctx) {
        List<Element> elements = new ArrayList<>();
        int boundary = -1;
        for (IdFlowParser.DeclarationContext d : ctx.declaration()) {
            ParserRuleContext decl = (ParserRuleContext) d.getChild(0);
            elements.add(declaration(decl, boundary));
            boundary = decl.getStop().getTokenIndex();
        }
        List<Comment> dangling = unclaimed(boundary, ctx.getStop().getTokenIndex());
        boolean first = true;
        for (Element e : elements) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            print(e, 0);
        }
        if (!dangling.isEmpty() && !elements.isEmpty()) {
            out.append('\n');
        }
        comments(dangling, 0, false);
    }

    /** A declaration or a block member, with its comments, ready to print. */
    private record Element(List<Comment> leading, List<Token> header, Body body, List<Comment> trailing,
            String key, boolean credential) {
    }

    /** A block's contents: its opening line's comments, its members in canonical order, its closing comments. */
    private record Body(List<Comment> opening, List<Element> members, List<Comment> closing) {
    }

    /** A comment's text and whether a blank line followed it. */
    private record Comment(String text, boolean blankAfter) {
    }

    private Element declaration(ParserRuleContext decl, int boundary) {
        if (decl instanceof IdFlowParser.PolicyDeclContext p) {
            return element(decl, boundary, p.block(), BlockKind.POLICY, false);
        }
        if (decl instanceof IdFlowParser.SystemDeclContext s) {
            return element(decl, boundary, s.block(), BlockKind.SYSTEM, false);
        }
        if (decl instanceof IdFlowParser.OwnerDeclContext o) {
            return element(decl, boundary, o.block(), BlockKind.OWNER, false);
        }
        if (decl instanceof IdFlowParser.ExpiryDeclContext e) {
            return element(decl, boundary, e.block(), BlockKind.EXPIRY, false);
        }
        if (decl instanceof IdFlowParser.IdentityDeclContext i) {
            return element(decl, boundary, i.block(), BlockKind.IDENTITY, false);
        }
        if (decl instanceof IdFlowParser.ExceptionDeclContext x) {
            return element(decl, boundary, x.block(), BlockKind.EXCEPTION, false);
        }
        if (decl instanceof IdFlowParser.DelegateDeclContext g) {
            return element(decl, boundary, g.block(), BlockKind.DELEGATE, false);
        }
        return element(decl, boundary, null, null, false);
    }

    /**
     * Reads one element in source order: the comments before it (after {@code boundary}), the
     * comments inside its header (moved above it), its block, then the comments after it on its
     * last line. Comments are claimed in that order, so each is printed exactly once.
     */
    private Element element(ParserRuleContext ctx, int boundary, ParserRuleContext block, BlockKind kind,
            boolean credential) {
        int start = ctx.getStart().getTokenIndex();
        int stop = ctx.getStop().getTokenIndex();
        List<Comment> leading = unclaimed(boundary, start);
        int headerEnd = block == null ? stop + 1 : block.getStart().getTokenIndex();
        leading.addAll(hoisted(unclaimed(start, headerEnd)));
        List<Token> header = visible(start, headerEnd);
        Body body = block == null ? null : body(block, kind);
        List<Comment> trailing = trailing(stop);
        String key = ctx.getStart().getText();
        return new Element(leading, header, body, trailing, key, credential);
    }

    private Body body(ParserRuleContext block, BlockKind kind) {
        int open = block.getStart().getTokenIndex();
        int close = block.getStop().getTokenIndex();
        List<Comment> opening = trailing(open);
        List<Element> members = new ArrayList<>();
        int boundary = open;
        for (int i = 0; i < block.getChildCount(); i++) {
            ParserRuleContext member = member(block, i);
            if (member == null) {
                continue;
            }
            if (member instanceof IdFlowParser.CredentialContext c) {
                members.add(element(c, boundary, c.credentialBlock(), BlockKind.CREDENTIAL, true));
            } else {
                members.add(element(member, boundary, null, null, false));
            }
            boundary = member.getStop().getTokenIndex();
        }
        List<Comment> closing = unclaimed(boundary, close);
        members.sort(Comparator.comparingInt((Element e) -> e.credential() ? 1 : 0)
                .thenComparingInt(e -> e.credential() ? 0 : order(kind, e.key())));
        return new Body(opening, members, closing);
    }

    private static ParserRuleContext member(ParserRuleContext block, int i) {
        Object child = block.getChild(i);
        if (child instanceof IdFlowParser.MemberContext m) {
            return m.credential() != null ? m.credential() : m.attribute();
        }
        return child instanceof IdFlowParser.AttributeContext a ? a : null;
    }

    /** The place of an attribute in the canonical order; attributes foreign to the block go last. */
    private static int order(BlockKind kind, String key) {
        int i = kind == null ? -1 : kind.attributes().indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private void print(Element e, int depth) {
        comments(e.leading(), depth, true);
        indent(depth);
        line(e.header());
        if (e.body() != null) {
            Body b = e.body();
            if (b.opening().isEmpty() && b.members().isEmpty() && b.closing().isEmpty()) {
                out.append(" {}");
            } else {
                out.append(" {");
                suffix(b.opening());
                out.append('\n');
                boolean previous = false;
                for (Element m : b.members()) {
                    if (m.credential() && previous) {
                        out.append('\n');
                    }
                    print(m, depth + 1);
                    previous = true;
                }
                comments(b.closing(), depth + 1, false);
                indent(depth);
                out.append('}');
            }
        }
        suffix(e.trailing());
        out.append('\n');
    }

    /** Comments on lines of their own; with {@code keepLastBlank}, the blank line after the last one too. */
    private void comments(List<Comment> comments, int depth, boolean keepLastBlank) {
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            indent(depth);
            out.append(c.text()).append('\n');
            if (c.blankAfter() && (keepLastBlank || i < comments.size() - 1)) {
                out.append('\n');
            }
        }
    }

    private void suffix(List<Comment> comments) {
        for (Comment c : comments) {
            out.append(' ').append(c.text());
        }
    }

    private void indent(int depth) {
        out.append(INDENT.repeat(depth));
    }

    /** Tokens joined by one space, except that {@code ,} hugs the word before it and {@code .} both words. */
    private void line(List<Token> words) {
        Token previous = null;
        for (Token t : words) {
            boolean tight = previous != null
                    && (t.getType() == IdFlowLexer.COMMA || t.getType() == IdFlowLexer.DOT
                            || previous.getType() == IdFlowLexer.DOT);
            if (previous != null && !tight) {
                out.append(' ');
            }
            out.append(t.getText());
            previous = t;
        }
    }

    /** The tokens of the default channel in {@code [from, to)}. */
    private List<Token> visible(int from, int to) {
        List<Token> words = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                words.add(t);
            }
        }
        return words;
    }

    /** The comments not yet claimed strictly between token indexes {@code after} and {@code before}. */
    private List<Comment> unclaimed(int after, int before) {
        List<Comment> found = new ArrayList<>();
        for (int i = after + 1; i < before; i++) {
            if (isComment(tokens.get(i)) && !claimed[i]) {
                claimed[i] = true;
                found.add(new Comment(tokens.get(i).getText(), blankAfter(i)));
            }
        }
        return found;
    }

    /** The comments after token {@code stop} on its line: they stay at the end of that line. */
    private List<Comment> trailing(int stop) {
        List<Comment> found = new ArrayList<>();
        for (int i = stop + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL || t.getType() == Token.EOF
                    || (t.getType() == IdFlowLexer.WS && t.getText().indexOf('\n') >= 0)) {
                break;
            }
            if (isComment(t) && !claimed[i]) {
                claimed[i] = true;
                found.add(new Comment(t.getText(), false));
            }
        }
        return found;
    }

    /** Comments written inside a header or an attribute are printed above it, without blank lines. */
    private static List<Comment> hoisted(List<Comment> comments) {
        return comments.stream().map(c -> new Comment(c.text(), false)).toList();
    }

    /** True when at least one empty line separates comment {@code i} from what follows it. */
    private boolean blankAfter(int i) {
        int newlines = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.getType() == IdFlowLexer.WS) {
                newlines += (int) t.getText().chars().filter(ch -> ch == '\n').count();
            } else if (t.getType() != IdFlowLexer.SEMI) {
                break;
            }
        }
        return newlines >= 2;
    }

    private static boolean isComment(Token t) {
        return t.getType() == IdFlowLexer.LINE_COMMENT || t.getType() == IdFlowLexer.BLOCK_COMMENT;
    }
}
