package dev.idflow.model.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The catalogue of every diagnostic message template, kept in one properties file
 * ({@code messages.properties} beside this class) so that wording is reviewed in one place.
 */
public final class Messages {

    private static final Properties TEMPLATES = load();

    private Messages() {
    }

    /**
     * Each thread's parsed templates: parsing one took longer than formatting it, and a large
     * policy formats tens of thousands of findings. A {@link MessageFormat} is not safe to
     * share between threads, and the checks run in parallel.
     */
    private static final ThreadLocal<Map<String, MessageFormat>> PARSED = ThreadLocal.withInitial(HashMap::new);

    /** Formats the template {@code key} with {@code args} ({@link MessageFormat} syntax). */
    public static String format(String key, Object... args) {
        MessageFormat format = PARSED.get().computeIfAbsent(key, k -> {
            String template = TEMPLATES.getProperty(k);
            if (template == null) {
                throw new IllegalArgumentException("no message template " + k);
            }
            return new MessageFormat(template, Locale.ROOT);
        });
        return format.format(args);
    }

    /** True when the catalogue has at least one template whose key starts with {@code prefix}. */
    public static boolean hasPrefix(String prefix) {
        return TEMPLATES.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** True when the catalogue has a template named {@code key}. */
    public static boolean has(String key) {
        return TEMPLATES.containsKey(key);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
