package dev.idflow.source;

/** The policy could not be read: no such folder, no policy files, unknown revision. An input error. */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
