package dev.idflow.maven;

import dev.idflow.config.Config;
import dev.idflow.config.ConfigException;
import dev.idflow.config.ConfigLoader;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Now;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.TextReport;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every idflow goal shares (where the policy is, the configuration, "now",
 * skip) and the translation of the library's results into Maven's log and exceptions.
 */
public abstract class AbstractIdflowMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The policy folder: every {@code *.idflow} file under it. Default: the configuration's
     * {@code policy:}, else {@code ${project.basedir}/src/main/idflow}.
     */
    @Parameter(property = "idflow.policyDirectory")
    File policyDirectory;

    /**
     * The configuration file ({@code idflow.yaml}): severity overrides, {@code fail-on}, {@code now},
     * {@code targets} and {@code policy}, each used where the matching parameter is not set.
     * Default: {@code ${project.basedir}/idflow.yaml} when it exists; a file named here must exist.
     */
    @Parameter(property = "idflow.configFile")
    File configFile;

    /** "Now": an RFC 3339 timestamp, {@code commit} or {@code wall}; default: the configuration's, else the clock. */
    @Parameter(property = "idflow.now")
    String now;

    /** Skips the goal with one line in the log. */
    @Parameter(property = "idflow.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("idflow: skipped (idflow.skip)");
            return;
        }
        run();
    }

    /** The goal's work, once it is known not to be skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * The configuration file under the parameters given, merged by the same {@link RunSettings}
     * as {@code idflow check --config}: a parameter set in the pom or with {@code -D} wins.
     *
     * @param failOn the goal's {@code failOn} parameter, already checked; null when not set
     */
    protected RunSettings settings(String failOn) throws MojoExecutionException {
        String givenNow = now == null || now.isBlank() ? null : now.trim();
        try {
            Now.parse(givenNow);
        } catch (IllegalArgumentException e) {
            throw badParameter("now", now, "expected " + Now.EXPECTED);
        }
        Config config = config();
        try {
            Path folder = policyDirectory == null ? null : policyDirectory.toPath();
            return RunSettings.merge(config, new RunSettings.Options(config.file(), folder, givenNow, failOn),
                    basedir.toPath().resolve("src/main/idflow"));
        } catch (IllegalArgumentException e) {
            throw badParameter("configFile", config.file() == null ? "" : shown(config.file().toFile()), e.getMessage());
        }
    }

    private Config config() throws MojoExecutionException {
        File file = configFile != null ? configFile : new File(basedir, ConfigLoader.FILE_NAME);
        if (!file.isFile()) {
            if (configFile != null) {
                throw badParameter("configFile", shown(file), "no such file");
            }
            return Config.NONE;
        }
        try {
            return ConfigLoader.load(file.toPath());
        } catch (ConfigException e) {
            throw badParameter("configFile", shown(file), e.getMessage());
        }
    }

    /** The policy folder of {@code run}, its files shown relative to the project so that IDEs link them. */
    protected DirectorySource source(RunSettings run) {
        return new DirectorySource(run.policyFolder(), basedir.toPath());
    }

    /** Reads and checks the policy with the same API as {@code idflow check}. */
    protected Analysis analyze(RunSettings run) throws MojoExecutionException {
        PolicySource source = source(run);
        try {
            return Analyzer.analyze(source, run.checkSettings(source.provenance(), Clock.systemUTC()));
        } catch (SourceException e) {
            throw badPolicyDirectory(run, e);
        }
    }

    /** A policy folder that cannot be read, named as the user gave it. */
    protected MojoExecutionException badPolicyDirectory(RunSettings run, SourceException e) {
        return badParameter("policyDirectory", shown(run.policyFolder().toFile()), e.getMessage());
    }

    /** Every finding as a {@code file:line:col: severity[CODE]: message} line at its own log level. */
    protected void logFindings(Analysis analysis) {
        logFindings(analysis, analysis.diagnostics());
    }

    /** The {@code findings} of {@code analysis} (a subset of its own), as {@link #logFindings(Analysis)} logs them. */
    protected void logFindings(Analysis analysis, List<Diagnostic> findings) {
        Log log = getLog();
        for (Diagnostic d : findings) {
            String line = TextReport.line(analysis, d);
            String help = d.help() == null ? null : "    help: " + d.help();
            switch (d.severity()) {
                case ERROR -> {
                    log.error(line);
                    if (help != null) {
                        log.error(help);
                    }
                }
                case WARNING -> {
                    log.warn(line);
                    if (help != null) {
                        log.warn(help);
                    }
                }
                case INFO -> {
                    log.info(line);
                    if (help != null) {
                        log.info(help);
                    }
                }
            }
        }
    }

    /** A path as the user would type it in the project: relative to its base folder when inside it. */
    protected String shown(File file) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path p = file.toPath().toAbsolutePath().normalize();
        return (p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
    }

    /** The one sentence for a parameter the user got wrong: its name, its property and its value. */
    static MojoExecutionException badParameter(String name, Object value, String why) {
        return new MojoExecutionException("idflow: bad parameter " + name + " (idflow." + name + ") = `" + value
                + "`: " + why);
    }
}
