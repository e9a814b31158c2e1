package dev.idflow.cli;

import java.io.PrintStream;

/**
 * A one-line status on stderr while a long step runs, erased when it ends (TOOLING.md: progress
 * only when stderr is a terminal; quiet otherwise, so that logs and pipes stay clean).
 */
final class Progress implements AutoCloseable {

    private final PrintStream err;
    private boolean shown;

    private Progress(PrintStream err) {
        this.err = err;
    }

    /** Shows {@code what} on stderr when it is a terminal; does nothing otherwise. */
    static Progress show(String what) {
        Progress p = new Progress(System.err);
        if (Terminal.interactive()) {
            p.err.print("idflow: " + what + "...");
            p.err.flush();
            p.shown = true;
        }
        return p;
    }

    @Override
    public void close() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
