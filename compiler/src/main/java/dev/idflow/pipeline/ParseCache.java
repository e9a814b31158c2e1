package dev.idflow.pipeline;

import dev.idflow.model.SourceFile;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses shared by the analyses of one run: a file with the same path and the same bytes as
 * one parsed before is not parsed (nor read) again. {@code idflow diff} analyses two revisions
 * that usually differ in a few files, so this halves its parsing. A parse depends on nothing but
 * the path and the bytes, and what is kept of it ({@link Analyzer.Read}) is immutable, so reuse
 * changes no result.
 * Safe for the parallel parse of {@link Analyzer}.
 */
final class ParseCache {

    private record Entry(SourceFile source, Analyzer.Read read) {
    }

    private final Map<String, Entry> byPath = new ConcurrentHashMap<>();

    Analyzer.Read read(SourceFile file) {
        Entry seen = byPath.get(file.path());
        if (seen != null && Arrays.equals(seen.source().unsafeBytes(), file.unsafeBytes())) {
            return seen.read();
        }
        Analyzer.Read read = Analyzer.read(file);
        byPath.put(file.path(), new Entry(file, read));
        return read;
    }
}
