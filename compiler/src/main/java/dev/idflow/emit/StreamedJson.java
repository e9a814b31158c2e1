package dev.idflow.emit;

import dev.idflow.io.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A large JSON document (the plan, OPA's data) written entry by entry into the file as it is
 * made ({@link FileSink#open}), so that neither its tree nor its text ever exists whole: the
 * tree of a 10,000-identity plan took several times the memory of its 55 MB of text, and
 * collecting it a third of the compile; its text, held whole, was still copied from young to
 * old memory by every collection while it grew.
 *
 * <p>The document is a skeleton, its top-level fields in order, in which some fields are
 * maps that start empty and receive their entries here, map by map in the skeleton's order.
 * The skeleton is validated first ({@link FileSink#checkSkeleton}); then each entry is
 * validated by its map's schema ({@link FileSink#checkEntry}), written and forgotten, so that
 * no byte reaches the file unvalidated. Where the schema judges each entry of such a map on its
 * own (which the pipeline verifies), that is exactly the validation of the whole document.
 * The bytes are those {@link Json#bytes} writes for the whole tree.
 */
public final class StreamedJson {

    private final String path;
    private final ObjectNode skeleton;
    private final FileSink sink;
    private final List<String> fields = new ArrayList<>();
    private final JsonGenerator out;
    /** The index in {@link #fields} of the next field to write. */
    private int next;
    /** The map whose entries are being written, or null. */
    private String open;
    /** The keys written into {@link #open}. */
    private final Set<String> keys = new HashSet<>();

    /**
     * Validates the skeleton and opens the file {@code path}. The caller gives up
     * {@code skeleton} and changes it no more.
     *
     * @throws OutputException when the file cannot be created
     */
    public StreamedJson(String path, ObjectNode skeleton, FileSink sink) throws OutputException {
        this.path = path;
        this.skeleton = skeleton;
        this.sink = sink;
        fields.addAll(skeleton.propertyNames());
        sink.checkSkeleton(path, skeleton);
        out = Json.generator(sink.open(path));
        out.writeStartObject();
    }

    /**
     * Checks and writes the entry {@code key} of the top-level map {@code map}.
     *
     * @throws IllegalStateException when {@code map} is not an empty map of the skeleton after
     *     the maps already written, or {@code key} was written before
     */
    public void entry(String map, String key, JsonNode value) {
        if (!map.equals(open)) {
            openMap(map);
        }
        if (!keys.add(key)) {
            throw new IllegalStateException(path + ": `" + key + "` written twice in `" + map + "`");
        }
        sink.checkEntry(path, map, key, value);
        out.writeName(key);
        out.writeTree(value);
    }

    /** Writes the fields after the last entry and the final newline, and closes (puts) the file. */
    public void finish() {
        closeMap();
        while (next < fields.size()) {
            writeField(fields.get(next++));
        }
        out.writeEndObject();
        out.writeRaw('\n');
        out.close();
    }

    private void openMap(String map) {
        closeMap();
        while (next < fields.size()) {
            String name = fields.get(next++);
            if (!name.equals(map)) {
                writeField(name);
                continue;
            }
            JsonNode holder = skeleton.get(name);
            if (!holder.isObject() || !holder.isEmpty()) {
                throw new IllegalStateException(path + ": `" + map + "` is not an empty map of the skeleton");
            }
            out.writeName(name);
            out.writeStartObject();
            open = map;
            return;
        }
        throw new IllegalStateException(path + ": no map `" + map + "` after those written");
    }

    private void closeMap() {
        if (open != null) {
            out.writeEndObject();
            open = null;
            keys.clear();
        }
    }

    private void writeField(String name) {
        out.writeName(name);
        out.writeTree(skeleton.get(name));
    }
}
