package dev.idflow.cli;

/** Whether output goes to a person: colours only on a terminal and never with NO_COLOR. */
final class Terminal {

    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
