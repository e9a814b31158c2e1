package dev.idflow.flow;

import java.util.List;

/**
 * The flow of a time-bound exception: the steps at {@code from} that attach each grant, and
 * the steps at its end that remove them and revoke what they issued.
 */
public record ExceptionFlow(String exception, List<Step> attach, List<Step> detach) {

    public ExceptionFlow {
        attach = List.copyOf(attach);
        detach = List.copyOf(detach);
    }

    public boolean complete() {
        return attach.stream().allMatch(Step::complete) && detach.stream().allMatch(Step::complete);
    }
}
