package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.io.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StreamedJsonTest {

    /** Records every part it is asked to check, as text, and keeps every file put. */
    static final class Recorder implements FileSink {
        final List<String> parts = new ArrayList<>();
        final List<GeneratedFile> files = new ArrayList<>();

        @Override
        public void put(GeneratedFile file) {
            files.add(file);
        }

        @Override
        public void checkPart(String path, String map, JsonNode document) {
            parts.add(path + " " + map + " " + document);
        }
    }

    private static ObjectNode skeleton() {
        ObjectNode s = Json.object();
        s.put("policy", "p");
        s.putObject("a");
        s.put("between", 1);
        s.putObject("b");
        s.putArray("after").add("x");
        return s;
    }

    @Test
    void writesTheBytesOfTheWholeTreeAndChecksEachEntryAloneThenTheSkeleton() {
        Recorder sink = new Recorder();
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), sink);
        doc.entry("a", "k1", Json.read("{\"v\": [1, {\"w\": null}], \"e\": {}}"));
        doc.entry("a", "k2", Json.read("\"quote \\\" and \\u2028\""));
        doc.entry("b", "k3", Json.read("[]"));
        GeneratedFile file = doc.finish();

        ObjectNode whole = skeleton();
        ((ObjectNode) whole.get("a")).set("k1", Json.read("{\"v\": [1, {\"w\": null}], \"e\": {}}"));
        ((ObjectNode) whole.get("a")).set("k2", Json.read("\"quote \\\" and \\u2028\""));
        ((ObjectNode) whole.get("b")).set("k3", Json.read("[]"));
        assertThat(file.text()).isEqualTo(Json.write(whole));
        assertThat(file.checkedInParts()).isTrue();
        assertThat(file.tree()).isNull();
        assertThat(sink.parts).containsExactly(
                "plan/x.json a {\"policy\":\"p\",\"a\":{\"k1\":{\"v\":[1,{\"w\":null}],\"e\":{}}},\"between\":1,\"b\":{},"
                        + "\"after\":[\"x\"]}",
                "plan/x.json a {\"policy\":\"p\",\"a\":{\"k2\":\"quote \\\" and \u2028\"},\"between\":1,\"b\":{},"
                        + "\"after\":[\"x\"]}",
                "plan/x.json b {\"policy\":\"p\",\"a\":{},\"between\":1,\"b\":{\"k3\":[]},\"after\":[\"x\"]}",
                "plan/x.json null {\"policy\":\"p\",\"a\":{},\"between\":1,\"b\":{},\"after\":[\"x\"]}");
        assertThat(sink.files).isEmpty();
    }

    @Test
    void aDocumentWithoutEntriesIsItsSkeleton() {
        Recorder sink = new Recorder();
        assertThat(new StreamedJson("plan/x.json", skeleton(), sink).finish().text())
                .isEqualTo(Json.write(skeleton()));
        assertThat(sink.parts).hasSize(1);
    }

    @Test
    void mapsComeInTheSkeletonsOrderEachOnceAndEmpty() {
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), new Recorder());
        doc.entry("b", "k", Json.read("1"));
        assertThatThrownBy(() -> doc.entry("a", "k", Json.read("1"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("plan/x.json: no map `a` after those written");
        StreamedJson scalar = new StreamedJson("plan/x.json", skeleton(), new Recorder());
        assertThatThrownBy(() -> scalar.entry("between", "k", Json.read("1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("plan/x.json: `between` is not an empty map of the skeleton");
    }

    @Test
    void aKeyWrittenTwiceInOneMapIsRefused() {
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), new Recorder());
        doc.entry("a", "k", Json.read("1"));
        assertThatThrownBy(() -> doc.entry("a", "k", Json.read("2"))).isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate Object property \"k\"");
    }
}
