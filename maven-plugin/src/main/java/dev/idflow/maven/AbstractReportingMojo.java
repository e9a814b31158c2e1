package dev.idflow.maven;

import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.FailLevel;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.Format;
import dev.idflow.report.ReportWriter;
import dev.idflow.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that report findings and may fail the build: formats, reports, failOn. */
public abstract class AbstractReportingMojo extends AbstractIdflowMojo {

    /**
     * Report formats, comma-separated or as a list: {@code text} (the findings in the log, always
     * shown), {@code json}, {@code sarif}, {@code junit}, {@code markdown} (files in
     * {@code reportDirectory}: {@code idflow.json}, {@code idflow.sarif}, {@code idflow.junit.xml},
     * {@code idflow.md}).
     */
    @Parameter(property = "idflow.formats", defaultValue = "text")
    List<String> formats;

    /** Where report files go. */
    @Parameter(property = "idflow.reportDirectory", defaultValue = "${project.build.directory}/idflow-reports")
    File reportDirectory;

    /**
     * The least severity that fails the build: {@code error}, {@code warning} or {@code never}.
     * Default: the configuration's {@code fail-on}, else {@code error}.
     */
    @Parameter(property = "idflow.failOn")
    String failOn;

    /** The settings of the run, {@code failOn} checked first so that a bad value names this parameter. */
    protected RunSettings settings() throws MojoExecutionException {
        if (failOn == null || failOn.isBlank()) {
            return settings(null);
        }
        String word = failOn.trim().toLowerCase(Locale.ROOT);
        if (FailLevel.parse(word) == null) {
            throw badParameter("failOn", failOn, "expected " + FailLevel.EXPECTED);
        }
        return settings(word);
    }

    protected List<Format> reportFormats() throws MojoExecutionException {
        List<Format> out = new ArrayList<>();
        for (String item : formats == null ? List.of("text") : formats) {
            for (String word : item.split(",")) {
                Format f = Format.of(word.trim().toLowerCase(Locale.ROOT));
                if (f == null) {
                    throw badParameter("formats", word.trim(), "expected text, json, sarif, junit or markdown");
                }
                if (f == Format.GITHUB) {
                    throw badParameter("formats", word.trim(), "workflow commands must start their line, and Maven"
                            + " prefixes every line of its log; use sarif for GitHub code scanning");
                }
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Writes the file formats among {@code chosen} to {@code reportDirectory}, each rendered by {@code render}. */
    protected List<Path> writeReports(List<Format> chosen, Function<Format, String> render)
            throws MojoExecutionException {
        try {
            return ReportWriter.writeFiles(chosen, reportDirectory.toPath(), render);
        } catch (IOException e) {
            throw new MojoExecutionException("idflow: cannot write reports to " + shown(reportDirectory) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Fails the build, with the counts and where to look, when a finding reaches the fail level. */
    protected void failOnFindings(Analysis analysis, FailLevel level, List<Path> reports)
            throws MojoFailureException {
        if (analysis.fails(level)) {
            throw failure(TextReport.summary(analysis) + " (failOn " + level.name().toLowerCase(Locale.ROOT) + ")",
                    reports);
        }
    }

    /** The failure of the build: what tripped it, then where the findings are. */
    protected MojoFailureException failure(String what, List<Path> reports) {
        List<String> where = new ArrayList<>();
        for (Path p : reports) {
            where.add(shown(p.toFile()));
        }
        return new MojoFailureException(what + "; the findings are listed above"
                + (where.isEmpty() ? "" : " and in " + String.join(", ", where)));
    }
}
