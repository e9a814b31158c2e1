package dev.idflow.check;

import dev.idflow.flow.Flows;
import dev.idflow.model.SystemKind;
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
    private final List<Targets.Issued> issued;
    private final RuleInfo rule;
    private final List<Finding> findings = new ArrayList<>();

    /** The context of one run of one rule: each check gets its own, so checks can run in parallel. */
    CheckContext(Instant now, Flows flows, List<Targets.Issued> issued, RuleInfo rule) {
        this.now = now;
        this.flows = flows;
        this.issued = issued;
        this.rule = rule;
    }

    /** "Now": the only instant a check may compare against. */
    public Instant now() {
        return now;
    }

    public Flows flows() {
        return flows;
    }

    /** Every credential whose issuer is a declared system ({@link Targets#all}), found once per run. */
    List<Targets.Issued> issued() {
        return issued;
    }

    /** The credentials issued by systems of {@code kind}. */
    List<Targets.Issued> issued(SystemKind kind) {
        return issued.stream().filter(x -> x.issuer().kind() == kind).toList();
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
