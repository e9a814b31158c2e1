package dev.idflow.config;

import dev.idflow.model.diag.Severity;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated content of {@code idflow.yaml} (TOOLING.md, "Configuration file"). Every
 * value is null when the file does not set it; {@code file} is null when there is no file.
 * Relative folders are resolved against the file's folder.
 */
public record Config(
        Path file,
        String policy,
        String output,
        List<String> targets,
        String now,
        String failOn,
        Map<String, Severity> severities) {

    /** No configuration file: every setting at its default. */
    public static final Config NONE = new Config(null, null, null, null, null, null, Map.of());

    public Config {
        targets = targets == null ? null : List.copyOf(targets);
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    }

    /** The policy folder the file names, resolved against the file's folder; null when it names none. */
    public Path policyFolder() {
        return resolve(policy);
    }

    /** The output folder the file names, resolved against the file's folder; null when it names none. */
    public Path outputFolder() {
        return resolve(output);
    }

    private Path resolve(String folder) {
        if (folder == null) {
            return null;
        }
        // Relative to the file as the user named it, so that messages show the path they would type.
        Path base = file == null ? null : file.getParent();
        return base == null ? Path.of(folder) : base.resolve(folder).normalize();
    }
}
