package dev.idflow.emit.opa;

import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * {@code bundle.tar.gz}: a gzip tar that {@code opa run --bundle} loads, byte-identical for
 * equal files: entries sorted by name, time 0, owner and group 0 without names, mode 0644,
 * and a gzip header without time, name or operating system.
 */
final class Bundle {
    /**
     * zlib's default level: a third of level 9's time on a large policy's bundle for an
     * archive 7% larger. Any fixed level gives the same bytes on every run.
     */
    static final int LEVEL = 6;

    private Bundle() {
    }

    /**
     * Writes into the new file {@code path} of {@code out} the archive of the files
     * {@code names} (relative to the bundle root), each read back from {@code out} under
     * {@code folder}, one at a time.
     *
     * @throws OutputException when a file cannot be read back or the archive written
     */
    static void write(FileSink out, String folder, List<String> names, String path) throws OutputException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOS(GzipParameters.OS.UNKNOWN);
        gzip.setCompressionLevel(LEVEL);
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out.open(path), gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : new TreeSet<>(names)) {
                FileSink.Readback file = out.reread(folder + name);
                try (InputStream content = file.bytes()) {
                    TarArchiveEntry entry = new TarArchiveEntry(name, true);
                    entry.setSize(file.size());
                    entry.setMode(0100644);
                    entry.setModTime(0L);
                    entry.setUserId(0);
                    entry.setGroupId(0);
                    entry.setUserName("");
                    entry.setGroupName("");
                    tar.putArchiveEntry(entry);
                    content.transferTo(tar);
                    tar.closeArchiveEntry();
                }
            }
            tar.finish();
        } catch (IOException e) {
            throw new OutputException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
