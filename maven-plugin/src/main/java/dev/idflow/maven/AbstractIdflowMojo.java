package dev.idflow.maven;

import dev.idflow.check.CheckSettings;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Now;
import dev.idflow.report.TextReport;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.SourceException;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
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

    /** The policy folder: every {@code *.idflow} file under it. */
    @Parameter(property = "idflow.policyDirectory", defaultValue = "${project.basedir}/src/main/idflow")
    File policyDirectory;

    /** The configuration file; optional. */
    @Parameter(property = "idflow.configFile", defaultValue = "${project.basedir}/idflow.yaml")
    File configFile;

    /** "Now": an RFC 3339 timestamp, {@code commit} or {@code wall}; the clock when not set. */
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

    /** The policy folder, its files shown relative to the project so that IDEs link them. */
    protected PolicySource source() {
        return new DirectorySource(policyDirectory.toPath(), basedir.toPath());
    }

    protected Now parsedNow() throws MojoExecutionException {
        try {
            return Now.parse(now == null || now.isBlank() ? null : now.trim());
        } catch (IllegalArgumentException e) {
            throw badParameter("now", now, "expected " + Now.EXPECTED);
        }
    }

    /** Reads and checks the policy with the same API as {@code idflow check}. */
    protected Analysis analyze(PolicySource source, Now when) throws MojoExecutionException {
        if (configFile != null && configFile.isFile()) {
            // Configuration loading is not in the library yet; say so rather than ignore it silently.
            getLog().warn("idflow: " + shown(configFile) + " is not read by this version of the plugin yet");
        }
        try {
            CheckSettings settings = CheckSettings.at(when.resolve(source.provenance(), Clock.systemUTC()));
            return Analyzer.analyze(source, settings);
        } catch (SourceException e) {
            throw badParameter("policyDirectory", shown(policyDirectory), e.getMessage());
        }
    }

    /** Every finding as a {@code file:line:col: severity[CODE]: message} line at its own log level. */
    protected void logFindings(Analysis analysis) {
        Log log = getLog();
        for (Diagnostic d : analysis.diagnostics()) {
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
