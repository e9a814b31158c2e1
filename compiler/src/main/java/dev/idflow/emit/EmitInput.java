package dev.idflow.emit;

import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;

/**
 * What every emitter reads: the resolved policy (free of error findings), its derived
 * flows, and the source revision (a commit id, or {@code sha256:...} of the input files).
 * Never "now": the targets do not depend on it.
 */
public record EmitInput(Policy policy, Flows flows, String revision) {
}
