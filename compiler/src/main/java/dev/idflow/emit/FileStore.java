package dev.idflow.emit;

import java.io.OutputStream;

/**
 * Where the pipeline puts files once validated: the folder that will replace OUT
 * ({@link OutputFolder.Staging}) or memory ({@link MemoryFiles}). Called from several threads,
 * one file from one thread.
 */
public interface FileStore {

    /**
     * Stores one whole file.
     *
     * @throws IllegalArgumentException when a file of that path was stored before (a bug)
     * @throws OutputException when it cannot be written
     */
    void write(GeneratedFile f) throws OutputException;

    /**
     * A file to be written as it is made; closing the stream completes it.
     *
     * @throws IllegalArgumentException when a file of that path was stored before (a bug)
     * @throws OutputException when it cannot be created
     */
    OutputStream open(String path) throws OutputException;

    /**
     * A file stored before, read back.
     *
     * @throws IllegalArgumentException when no file of that path was stored (a bug)
     * @throws OutputException when it cannot be read
     */
    FileSink.Readback reread(String path) throws OutputException;
}
