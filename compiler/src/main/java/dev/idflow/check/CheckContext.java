package dev.idflow.check;

import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.diag.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check sees besides the policy: the one "now" of the run, the derived flows, and a
 * place to report findings. Findings are collected, never thrown.
 */
public final class CheckContext {

    private final Instant now;
    private final Flows flows;
    private final List<Finding> findings = new ArrayList<>();
    private RuleInfo rule;

    CheckContext(Instant now, Flows flows) {
        this.now = now;
        this.flows = flows;
    }

    /** "Now": the only instant a check may compare against. */
    public Instant now() {
        return now;
    }

    public Flows flows() {
        return flows;
    }

    void startRule(RuleInfo r) {
        this.rule = r;
    }

    /**
     * Reports a finding of the current rule at {@code span}, with the catalogue message
     * {@code CODE.variant}; refine it with the returned {@link Finding}.
     */
    public Finding report(SourceSpan span, String variant, Object... args) {
        Finding f = new Finding(rule, span, Messages.format(rule.code() + "." + variant, args));
        findings.add(f);
        return f;
    }

    List<Finding> findings() {
        return findings;
    }
}
