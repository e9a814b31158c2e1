package dev.idflow.emit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One emitted file: its path relative to the output folder ({@code /}-separated, never
 * absolute, never with {@code ..}) and its exact bytes.
 */
public record GeneratedFile(String path, byte[] content) {

    public GeneratedFile {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative output path: " + path);
        }
        content = content.clone();
    }

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The bytes themselves, not a copy, for readers that promise not to change them (the
     * writer, the hashes, schema validation): a compile of a large policy emits hundreds of
     * megabytes, and copying each file on every read doubled the garbage collector's work.
     */
    public byte[] unsafeBytes() {
        return content;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedFile f && f.path.equals(path) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + path + ", " + content.length + " bytes]";
    }
}
