package dev.idflow.emit;

import dev.idflow.io.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * One emitted file: its path relative to the output folder ({@code /}-separated, never
 * absolute, never with {@code ..}) and its exact bytes; for a JSON file made by
 * {@link #json}, also the tree its bytes were written from, so that the pipeline validates
 * that tree instead of reading the bytes back.
 *
 * <p>Immutable. The factories other than the public constructor take ownership of the array
 * they are given: a compile of a large policy emits over a hundred megabytes, and a copy of
 * each file at every step cost as much as making it.
 */
public final class GeneratedFile {

    private final String path;
    private final byte[] content;
    private final JsonNode tree;

    /** A file with a copy of {@code content}. */
    public GeneratedFile(String path, byte[] content) {
        this(path, content.clone(), null);
    }

    private GeneratedFile(String path, byte[] content, JsonNode tree) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative output path: " + path);
        }
        this.path = path;
        this.content = content;
        this.tree = tree;
    }

    /** {@code text} in UTF-8. */
    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** {@code bytes} themselves, not a copy: the caller gives them up and never changes them. */
    public static GeneratedFile adopt(String path, byte[] bytes) {
        return new GeneratedFile(path, bytes, null);
    }

    /**
     * The canonical JSON text of {@code node} ({@link Json#bytes}), keeping the node: the
     * caller gives it up and never changes it, so the tree and the bytes say the same.
     */
    public static GeneratedFile json(String path, JsonNode node) {
        return new GeneratedFile(path, Json.bytes(node), node);
    }

    /** The same file without its tree, so that the tree can be collected once it is validated. */
    public GeneratedFile withoutTree() {
        return tree == null ? this : new GeneratedFile(path, content, null);
    }

    public String path() {
        return path;
    }

    /** A copy of the bytes. */
    public byte[] content() {
        return content.clone();
    }

    /**
     * The bytes themselves, not a copy, for readers that promise not to change them (the
     * writer, the hashes, the archive).
     */
    public byte[] unsafeBytes() {
        return content;
    }

    /** The tree the bytes were written from ({@link #json}), or null. */
    public JsonNode tree() {
        return tree;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Path and bytes; the tree is a cache of what the bytes say and plays no part. */
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
