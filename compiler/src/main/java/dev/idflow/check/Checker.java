package dev.idflow.check;

import dev.idflow.model.Policy;
import dev.idflow.model.diag.Diagnostic;
import java.util.List;

/**
 * Runs the lifecycle checks IDF1xx-IDF9xx on a policy free of language errors and settles
 * each finding's severity: the default, then the configuration, then {@code mode monitor}
 * lowering, then a waiver.
 */
public final class Checker {

    private Checker() {
    }

    /** The metadata of every lifecycle rule, in registry order. */
    static List<RuleInfo> infos() {
        return List.of();
    }

    /** The findings of every check, in report order. */
    public static List<Diagnostic> run(Policy policy, CheckSettings settings) {
        return List.of();
    }
}
