package dev.idflow.maven;

import dev.idflow.pipeline.Diff;
import dev.idflow.pipeline.DiffResult;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.Gate;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.pipeline.Version;
import dev.idflow.report.DiffReport;
import dev.idflow.report.Format;

import dev.idflow.source.GitSource;
import dev.idflow.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code idflow:diff}: the pull-request check of {@code idflow diff}, comparing the policy at
 * {@code base} with the policy at {@code HEAD} of the Git repository that holds the project;
 * fails the build on new findings at or above {@code failOn}. Meant for the command line of a
 * pull-request job: {@code mvn idflow:diff -Didflow.base=origin/main}.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractReportingMojo {

    /** The base revision: a branch, tag or commit, e.g. {@code origin/main}. Required. */
    @Parameter(property = "idflow.base")
    String base;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (base == null || base.isBlank()) {
            throw badParameter("base", "", "required: the revision to compare HEAD with, e.g. -Didflow.base=origin/main");
        }
        RunSettings run = settings();
        List<Format> chosen = reportFormats();
        FailLevel level = run.failOn();
        Path repository = repository();
        Path policy = run.policyFolder().toAbsolutePath().normalize();
        if (!policy.startsWith(repository)) {
            throw badParameter("policyDirectory", shown(policy.toFile()), "not inside the Git repository " + repository);
        }
        String folder = repository.relativize(policy).toString().replace('\\', '/');
        DiffResult result;
        try {
            GitSource baseSource = GitSource.open(repository, base.trim(), folder);
            GitSource headSource = GitSource.open(repository, "HEAD", folder);
            // The working tree's configuration stands for the head's (a pull-request job checks out head).
            Diff.Severities severities = new Diff.Severities(run.severities(), run.severities());
            result = Diff.run(baseSource, headSource, run.now(), severities, Clock.systemUTC());
        } catch (SourceException e) {
            throw badParameter("base", base, e.getMessage());
        }
        DiffReport report = new DiffReport(result, level, Gate.NEW, false, Version.get());
        logFindings(result.head(), result.added());
        for (String line : report.render(Format.TEXT).split("\n")) {
            if (!line.startsWith("new: ")) {
                getLog().info(line);
            }
        }
        List<Path> reports = writeReports(chosen, report::render);
        if (result.fails(level, Gate.NEW)) {
            throw failure("idflow diff: " + result.added().size() + " new finding" + (result.added().size() == 1 ? "" : "s")
                    + " since " + base.trim() + " (failOn " + level.name().toLowerCase(Locale.ROOT) + ")", reports);
        }
    }

    /** The Git repository that holds the project: the nearest folder with a {@code .git}, from the project up. */
    private Path repository() throws MojoExecutionException {
        for (Path p = basedir.toPath().toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        throw new MojoExecutionException("idflow: the project " + basedir + " is not inside a Git repository;"
                + " idflow:diff compares two of its commits");
    }
}
