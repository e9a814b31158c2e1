package dev.idflow.emit;

import tools.jackson.databind.JsonNode;

/**
 * Where an emitter puts its files, one at a time, as soon as each is made: the pipeline
 * validates it, writes it and keeps only its path and sha256, so that a large policy's
 * output never has to be held whole.
 */
public interface FileSink {

    /**
     * Takes one file.
     *
     * @throws OutputException when it cannot be written
     */
    void put(GeneratedFile file) throws OutputException;

    /**
     * Validates one part of the JSON file {@code path} before the file is put
     * ({@link StreamedJson}): {@code document} is the file with its top-level map {@code map}
     * holding some of its entries and its other streamed maps empty; with {@code map} null,
     * every streamed map is empty. Only sound where the schema judges each entry of such a
     * map on its own, which the pipeline verifies.
     */
    void checkPart(String path, String map, JsonNode document);
}
