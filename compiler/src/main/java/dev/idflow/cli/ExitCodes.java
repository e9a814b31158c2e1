package dev.idflow.cli;

/** The exit codes of TOOLING.md. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** Findings at or above the fail level, or the gate tripped. */
    public static final int FINDINGS = 1;
    /** Usage or input error: one clear line, no stack trace. */
    public static final int USAGE = 2;
    /** Internal error: a bug in idflow. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
