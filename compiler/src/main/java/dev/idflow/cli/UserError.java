package dev.idflow.cli;

/** A mistake of the user's (bad option value, missing folder): exit 2 with one line. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
