package dev.idflow.pipeline;

/**
 * An emitted file broke its schema, or a target broke its own contract: a bug in idflow
 * (exit code 3), never a file on disk.
 */
public class CompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
        super(message);
    }
}
