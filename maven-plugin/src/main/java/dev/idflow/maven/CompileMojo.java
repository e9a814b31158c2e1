package dev.idflow.maven;

import dev.idflow.check.CheckSettings;
import dev.idflow.emit.OutputException;
import dev.idflow.pipeline.Compilation;
import dev.idflow.pipeline.CompileException;
import dev.idflow.pipeline.CompileStamp;
import dev.idflow.pipeline.Compiler;
import dev.idflow.pipeline.RunSettings;
import dev.idflow.report.TextReport;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.SourceException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code idflow:compile}: compiles the policy as {@code idflow compile} does, replacing
 * {@code outputDirectory} as a whole, and fails the build (writing nothing) on any error
 * finding. A run is skipped when a {@link CompileStamp} shows that it would write what the
 * last successful one wrote.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractIdflowMojo {

    /** The output folder, replaced as a whole by every compilation that is not skipped. */
    @Parameter(property = "idflow.outputDirectory", defaultValue = "${project.build.directory}/idflow")
    File outputDirectory;

    /**
     * Targets, comma-separated or as a list: {@code opa}, {@code aws}, {@code gcp}, {@code vault},
     * {@code plan}. Default: the configuration's {@code targets}, else all.
     */
    @Parameter(property = "idflow.targets")
    List<String> targets;

    /** Where the stamp of the last successful compilation is kept. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        RunSettings run = settings(null);
        List<String> chosen = chosenTargets(run);
        Path out = outputDirectory.toPath();
        DirectorySource source = source(run);
        Path stampFile = stampFile(out);
        try {
            CheckSettings settings = run.checkSettings(source.provenance(), Clock.systemUTC());
            CompileStamp last = CompileStamp.read(stampFile);
            String fingerprint = last == null ? null : CompileStamp.fingerprint(source.files(), run.config(), chosen, out);
            if (last != null && last.covers(fingerprint, settings.now(), out)) {
                getLog().info("idflow: " + shown(outputDirectory) + " is up to date: no input, configuration or plugin"
                        + " version changed and nothing ended since the last compile");
                return;
            }
            Compilation c = Compiler.compile(source, settings, chosen, out);
            logFindings(c.analysis());
            if (c.refused()) {
                throw new MojoFailureException(TextReport.summary(c.analysis()) + "; nothing written to "
                        + shown(outputDirectory) + ", the findings are listed above");
            }
            CompileStamp.of(c, run.config(), chosen, out).write(stampFile);
            getLog().info("idflow: wrote " + c.outputs().size() + " files to " + shown(outputDirectory));
        } catch (SourceException e) {
            throw badPolicyDirectory(run, e);
        } catch (OutputException e) {
            throw badParameter("outputDirectory", shown(outputDirectory), e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("idflow: cannot write " + shown(stampFile.toFile()) + ": " + e.getMessage(),
                    e);
        } catch (CompileException e) {
            throw new MojoExecutionException("idflow: internal error, please report it: " + e.getMessage(), e);
        }
    }

    /** The targets parameter (each word checked), else the configuration's, else all. */
    private List<String> chosenTargets(RunSettings run) throws MojoExecutionException {
        List<String> given = new ArrayList<>();
        for (String item : targets == null ? List.<String>of() : targets) {
            for (String word : item.split(",")) {
                if (!word.isBlank()) {
                    given.add(word.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        try {
            Compiler.select(given);
        } catch (IllegalArgumentException e) {
            throw badParameter("targets", String.join(",", given), e.getMessage());
        }
        return run.targets(given);
    }

    /** One stamp per output folder, so that two executions into different folders do not undo each other. */
    private Path stampFile(Path out) {
        String key = Compiler.sha256(out.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return buildDirectory.toPath().resolve("idflow-stamps").resolve("compile-" + key.substring(0, 12) + ".txt");
    }
}
