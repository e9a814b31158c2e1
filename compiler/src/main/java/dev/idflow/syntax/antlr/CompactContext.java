package dev.idflow.syntax.antlr;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every parse-tree node of the grammar ({@code contextSuperClass}): ANTLR's own
 * starts each node's children at a capacity of ten, where the rules of this grammar have one
 * to five; a large policy makes millions of nodes, and their arrays were a tenth of all it
 * allocated while parsing.
 */
public class CompactContext extends ParserRuleContext {

    public CompactContext() {
    }

    public CompactContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(t);
        return t;
    }
}
