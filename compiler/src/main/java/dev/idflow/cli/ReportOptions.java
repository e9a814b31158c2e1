package dev.idflow.cli;

import dev.idflow.pipeline.FailLevel;
import dev.idflow.report.Format;
import dev.idflow.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --format F[,F] --report-dir D --fail-on LEVEL}, shared by {@code check} and {@code diff}. */
final class ReportOptions {

    @Option(names = "--format", split = ",", paramLabel = "F",
            description = "Output formats: text (default), json, sarif, junit, github, markdown.")
    List<String> formats = List.of("text");

    @Option(names = "--report-dir", paramLabel = "D",
            description = "Write json, sarif, junit and markdown to D/idflow.{json,sarif,junit.xml,md}.")
    Path reportDir;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "error (default, or from the configuration), warning or never.")
    String failOn;

    FailLevel failLevel() {
        if (failOn == null) {
            return FailLevel.ERROR;
        }
        FailLevel level = FailLevel.parse(failOn);
        if (level == null) {
            throw new UserError("invalid --fail-on `" + failOn + "`: expected error, warning or never");
        }
        return level;
    }

    List<Format> formats() {
        try {
            return Format.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    void write(List<Format> chosen, PrintWriter out, Function<Format, String> render) {
        try {
            ReportWriter.write(chosen, reportDir, out, render);
        } catch (IOException e) {
            throw new UserError("cannot write reports to " + reportDir + ": " + e.getMessage());
        }
    }
}
