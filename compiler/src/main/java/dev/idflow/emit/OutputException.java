package dev.idflow.emit;

/** The output folder cannot be written or replaced: an input error, never a partial output. */
public class OutputException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
