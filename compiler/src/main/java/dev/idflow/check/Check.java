package dev.idflow.check;

import dev.idflow.model.Policy;

/**
 * One rule of CHECKS.md: its metadata and the code that looks for its condition. A check
 * reports raw findings at their default severity through the {@link CheckContext}; the
 * {@link Checker} settles severities afterwards (configuration, monitor mode, waivers).
 */
public interface Check {

    /** The rule's code, title, severity, mappings and explanation. */
    RuleInfo info();

    /** Reports every place where the rule's condition holds. */
    void run(Policy policy, CheckContext ctx);
}
