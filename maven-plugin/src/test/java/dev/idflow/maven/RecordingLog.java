package dev.idflow.maven;

import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log for the Mojo tests that keeps what the Mojo logs, prefixed with the level. */
final class RecordingLog extends SystemStreamLog {

    private final List<String> lines;

    RecordingLog(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public void info(CharSequence content) {
        lines.add("info: " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("warn: " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("error: " + content);
    }
}
