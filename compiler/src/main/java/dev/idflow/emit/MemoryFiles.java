package dev.idflow.emit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files kept in memory, in the order they were stored: for tests, and compiles that write no folder. */
public final class MemoryFiles implements FileStore {

    private final Map<String, GeneratedFile> files = new LinkedHashMap<>();

    @Override
    public synchronized void write(GeneratedFile f) {
        if (files.putIfAbsent(f.path(), f) != null) {
            throw new IllegalArgumentException("two emitted files share the path " + f.path());
        }
    }

    /** A stream whose bytes become the file {@code path} when it is closed. */
    @Override
    public OutputStream open(String path) {
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    MemoryFiles.this.write(GeneratedFile.adopt(path, toByteArray()));
                }
            }
        };
    }

    @Override
    public synchronized FileSink.Readback reread(String path) {
        GeneratedFile f = files.get(path);
        if (f == null) {
            throw new IllegalArgumentException("no file " + path + " was stored");
        }
        return new FileSink.Readback(f.unsafeBytes().length, new ByteArrayInputStream(f.unsafeBytes()));
    }

    /** The file {@code path}, or null. */
    public synchronized GeneratedFile get(String path) {
        return files.get(path);
    }

    /** Every file, in the order stored. */
    public synchronized List<GeneratedFile> list() {
        return new ArrayList<>(files.values());
    }
}
