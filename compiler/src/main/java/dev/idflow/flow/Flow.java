package dev.idflow.flow;

import dev.idflow.model.Event;
import dev.idflow.model.Source;
import java.util.List;

/**
 * The derived flow of one lifecycle event of one identity: the authoritative source that
 * decides it (null when none) and the ordered steps that carry it out.
 */
public record Flow(String identity, Event event, Source source, List<Step> steps) {

    public Flow {
        steps = List.copyOf(steps);
    }

    /** Complete when every step's system can act and is orchestrated. */
    public boolean complete() {
        return steps.stream().allMatch(Step::complete);
    }
}
