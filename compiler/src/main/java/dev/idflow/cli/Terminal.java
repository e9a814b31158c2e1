package dev.idflow.cli;

/** Whether output goes to a person: colours only on a terminal and never with NO_COLOR. */
final class Terminal {

    private Terminal() {
    }

    /** True when a person watches the terminal (the JVM has a console). */
    static boolean interactive() {
        return System.console() != null;
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
