package dev.idflow.emit;

import java.io.InputStream;
import java.io.OutputStream;
import tools.jackson.databind.JsonNode;

/**
 * Where an emitter puts its files, one at a time, as soon as each is made: the pipeline
 * validates it, writes it and keeps only its path and sha256, so that a large policy's
 * output never has to be held whole. A file too large to hold whole is written as it is made
 * ({@link #open}); a JSON one only through {@link StreamedJson}, which validates every part
 * before it is written.
 */
public interface FileSink {

    /**
     * Takes one file.
     *
     * @throws OutputException when it cannot be written
     */
    void put(GeneratedFile file) throws OutputException;

    /**
     * Opens the file {@code path} to be written as it is made; closing the stream puts the
     * file, and a stream left open when the emitter fails is dropped with the rest of the run.
     * A JSON file may be opened only once {@link #checkSkeleton} has validated its skeleton.
     *
     * @throws OutputException when it cannot be created
     */
    OutputStream open(String path) throws OutputException;

    /**
     * Reads back the file {@code path}, put (or opened and closed) before, for an archive of
     * files already written. The caller closes the stream.
     *
     * @throws OutputException when it cannot be read
     */
    Readback reread(String path) throws OutputException;

    /**
     * Validates the skeleton of the JSON file {@code path} ({@link StreamedJson}): the file with
     * every streamed map empty, validated before the file is opened.
     */
    void checkSkeleton(String path, JsonNode skeleton);

    /**
     * Validates the entry {@code key: value} of the streamed top-level map {@code map} of the
     * JSON file {@code path}, before it is written. Only sound where the schema judges each
     * entry of such a map on its own, which the pipeline verifies.
     */
    void checkEntry(String path, String map, String key, JsonNode value);

    /** A file read back: its size in bytes, and a stream of those bytes. */
    record Readback(long size, InputStream bytes) {
    }
}
