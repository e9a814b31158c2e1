package dev.idflow.maven;

import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.Format;
import dev.idflow.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code idflow:check}: checks the policy as {@code idflow check} does, logs the findings as
 * {@code file:line:col} lines, writes the reports asked for, and fails the build on findings at
 * or above {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractReportingMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        RunSettings run = settings();
        List<Format> chosen = reportFormats();
        FailLevel level = run.failOn();
        Analysis analysis = analyze(run);
        logFindings(analysis);
        List<Path> reports = writeReports(chosen, f -> f.renderCheck(analysis, level, false));
        getLog().info(TextReport.summary(analysis));
        failOnFindings(analysis, level, reports);
    }
}
