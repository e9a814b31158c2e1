package dev.idflow.check;

import dev.idflow.model.diag.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * What the checks need besides the policy: the one "now" of the run and the severity
 * overrides from the configuration (never for IDF0xx or IDF805).
 */
public record CheckSettings(Instant now, Map<String, Severity> severities) {

    public CheckSettings {
        severities = Map.copyOf(severities);
    }

    public static CheckSettings at(Instant now) {
        return new CheckSettings(now, Map.of());
    }
}
