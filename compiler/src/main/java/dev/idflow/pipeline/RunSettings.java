package dev.idflow.pipeline;

import dev.idflow.check.CheckSettings;
import dev.idflow.config.Config;
import dev.idflow.config.ConfigException;
import dev.idflow.config.ConfigLoader;
import dev.idflow.source.GitSource;
import dev.idflow.source.SourceException;
import dev.idflow.model.diag.Severity;
import dev.idflow.source.Provenance;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The settings of one run, merged from the configuration file and the options of the
 * caller (the command line or the Maven plugin): an option given wins over the file, the
 * file wins over the default. Both front ends call {@link #resolve}, so they cannot disagree.
 *
 * @param config the configuration used ({@link Config#NONE} when there is no file)
 * @param policyFolder the policy folder: the option, else the file's {@code policy:}
 *     (relative to the file), else the current folder
 * @param now how "now" is chosen
 * @param failOn the fail level
 */
public record RunSettings(Config config, Path policyFolder, Now now, FailLevel failOn) {

    /**
     * What the caller gave; every field is null when not given.
     *
     * @param configFile {@code --config FILE}
     * @param policyFolder the PATH argument
     * @param now {@code --now}
     * @param failOn {@code --fail-on}
     */
    public record Options(Path configFile, Path policyFolder, String now, String failOn) {
    }

    /**
     * Finds and loads the configuration file for {@code options} and merges it with them.
     * Throws {@link ConfigException} for a bad file, {@link IllegalArgumentException} (with
     * a one-line message) for a bad option.
     */
    public static RunSettings resolve(Options options) throws ConfigException {
        Path lookupFolder = options.policyFolder() == null ? Path.of(".") : options.policyFolder();
        Config config = ConfigLoader.load(ConfigLoader.find(options.configFile(), lookupFolder));
        return merge(config, options, Path.of("."));
    }

    /**
     * Merges an already loaded {@code config} with {@code options}; {@code defaultFolder} is the
     * policy folder when neither names one (the Maven plugin's is {@code src/main/idflow}).
     * Throws {@link IllegalArgumentException} (with a one-line message) for a bad option.
     */
    public static RunSettings merge(Config config, Options options, Path defaultFolder) {
        Path folder = options.policyFolder();
        if (folder == null) {
            folder = config.policyFolder() == null ? defaultFolder : config.policyFolder();
        }
        Now now = Now.parse(options.now() != null ? options.now() : config.now());
        String failOnWord = options.failOn() != null ? options.failOn()
                : config.failOn() != null ? config.failOn() : "error";
        FailLevel failOn = FailLevel.parse(failOnWord);
        if (failOn == null) {
            throw new IllegalArgumentException("invalid --fail-on `" + failOnWord + "`: expected error, warning or never");
        }
        return new RunSettings(config, folder, now, failOn);
    }

    /**
     * As {@link #resolve(Options)} for a policy read from Git: without {@code --config}, the
     * configuration is read from the same revision as the policy ({@code idflow.yaml} in the
     * policy folder's parent, else in the policy folder), never from the working tree.
     */
    public static RunSettings resolve(Options options, GitSource source) throws ConfigException, SourceException {
        Config config = options.configFile() != null
                ? ConfigLoader.load(ConfigLoader.find(options.configFile(), Path.of(".")))
                : atRevision(source);
        Path folder = Path.of(source.folder().isEmpty() ? "." : source.folder());
        return merge(config, new Options(options.configFile(), folder, options.now(), options.failOn()), folder);
    }

    /** The configuration committed beside the policy at the source's revision; none when absent. */
    public static Config atRevision(GitSource source) throws ConfigException, SourceException {
        for (String candidate : source.configCandidates(ConfigLoader.FILE_NAME)) {
            var text = source.readText(candidate);
            if (text.isPresent()) {
                return ConfigLoader.parse(text.get(), candidate + "@" + source.commit().substring(0, 7),
                        Path.of(candidate));
            }
        }
        return Config.NONE;
    }

    /** The targets to compile: {@code given} when not empty, else the file's {@code targets:}, else all (empty). */
    public List<String> targets(List<String> given) {
        if (given != null && !given.isEmpty()) {
            return List.copyOf(given);
        }
        return config.targets() == null ? List.of() : config.targets();
    }

    /** The severity overrides of the configuration. */
    public Map<String, Severity> severities() {
        return config.severities();
    }

    /** The check settings for a policy read from {@code provenance}. */
    public CheckSettings checkSettings(Provenance provenance, Clock clock) {
        return new CheckSettings(now.resolve(provenance, clock), config.severities());
    }
}
