package dev.idflow.model;

import java.util.Arrays;

/**
 * One policy file as read from a folder or a Git tree: its logical path relative to
 * the policy root ({@code /}-separated) and its raw bytes, not yet decoded.
 */
public record SourceFile(String path, byte[] content) {

    public SourceFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The size in bytes, without copying the content. */
    public int size() {
        return content.length;
    }

    /** Bytes for readers that promise not to modify them. */
    public byte[] unsafeBytes() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && f.path.equals(path) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + content.length + " bytes]";
    }
}
