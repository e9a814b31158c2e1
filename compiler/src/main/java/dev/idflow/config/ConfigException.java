package dev.idflow.config;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown key, a wrong
 * type or a severity that may not be changed. The message is one line that names the file,
 * the line, the key and what was expected; the command line exits 2 with it.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
