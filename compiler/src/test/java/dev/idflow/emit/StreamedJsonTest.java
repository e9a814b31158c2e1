package dev.idflow.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.io.Json;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StreamedJsonTest {

    /**
     * Records every part it is asked to check, as text, and keeps every file put or closed;
     * refuses the parts that contain {@code refused}.
     */
    static final class Recorder implements FileSink {
        final List<String> parts = new ArrayList<>();
        final MemoryFiles files = new MemoryFiles();
        final String refused;
        /** The file opened, if any. */
        OutputStream written;

        Recorder() {
            this("\u0000");
        }

        Recorder(String refused) {
            this.refused = refused;
        }

        @Override
        public void put(GeneratedFile file) {
            files.write(file);
        }

        @Override
        public OutputStream open(String path) {
            written = files.open(path);
            return written;
        }

        @Override
        public Readback reread(String path) {
            return files.reread(path);
        }

        @Override
        public void checkSkeleton(String path, JsonNode skeleton) {
            check(path + " skeleton " + skeleton);
        }

        @Override
        public void checkEntry(String path, String map, String key, JsonNode value) {
            check(path + " " + map + " " + key + " " + value);
        }

        private void check(String part) {
            if (part.contains(refused)) {
                throw new IllegalArgumentException("refused: " + part);
            }
            parts.add(part);
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
    void writesTheBytesOfTheWholeTreeAndChecksTheSkeletonThenEachEntryAloneBeforeWritingIt() throws Exception {
        Recorder sink = new Recorder();
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), sink);
        doc.entry("a", "k1", Json.read("{\"v\": [1, {\"w\": null}], \"e\": {}}"));
        doc.entry("a", "k2", Json.read("\"quote \\\" and \\u2028\""));
        doc.entry("b", "k3", Json.read("[]"));
        assertThat(sink.files.list()).isEmpty();
        doc.finish();
        GeneratedFile file = sink.files.get("plan/x.json");

        ObjectNode whole = skeleton();
        ((ObjectNode) whole.get("a")).set("k1", Json.read("{\"v\": [1, {\"w\": null}], \"e\": {}}"));
        ((ObjectNode) whole.get("a")).set("k2", Json.read("\"quote \\\" and \\u2028\""));
        ((ObjectNode) whole.get("b")).set("k3", Json.read("[]"));
        assertThat(file.text()).isEqualTo(Json.write(whole));
        assertThat(file.tree()).isNull();
        assertThat(sink.parts).containsExactly(
                "plan/x.json skeleton {\"policy\":\"p\",\"a\":{},\"between\":1,\"b\":{},\"after\":[\"x\"]}",
                "plan/x.json a k1 {\"v\":[1,{\"w\":null}],\"e\":{}}",
                "plan/x.json a k2 \"quote \\\" and \u2028\"",
                "plan/x.json b k3 []");
        assertThat(sink.files.list()).containsExactly(file);
    }

    @Test
    void aSkeletonThatFailsIsNeverOpened() {
        Recorder sink = new Recorder("skeleton {");
        assertThatThrownBy(() -> new StreamedJson("plan/x.json", skeleton(), sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("refused: plan/x.json skeleton");
        assertThat(sink.written).isNull();
    }

    @Test
    void anEntryThatFailsIsNeverWritten() throws Exception {
        Recorder sink = new Recorder(" bad ");
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), sink);
        doc.entry("a", "good", Json.read("1"));
        assertThatThrownBy(() -> doc.entry("a", "bad", Json.read("2"))).isInstanceOf(IllegalArgumentException.class);
        doc.entry("b", "k", Json.read("3"));
        doc.finish();
        assertThat(sink.files.get("plan/x.json").text()).contains("\"good\"", "\"k\"").doesNotContain("bad");
    }

    @Test
    void aDocumentWithoutEntriesIsItsSkeleton() throws Exception {
        Recorder sink = new Recorder();
        new StreamedJson("plan/x.json", skeleton(), sink).finish();
        assertThat(sink.files.get("plan/x.json").text()).isEqualTo(Json.write(skeleton()));
        assertThat(sink.parts).hasSize(1);
    }

    @Test
    void mapsComeInTheSkeletonsOrderEachOnceAndEmpty() throws Exception {
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
    void aKeyWrittenTwiceInOneMapIsRefused() throws Exception {
        StreamedJson doc = new StreamedJson("plan/x.json", skeleton(), new Recorder());
        doc.entry("a", "k", Json.read("1"));
        assertThatThrownBy(() -> doc.entry("a", "k", Json.read("2"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("plan/x.json: `k` written twice in `a`");
        doc.entry("b", "k", Json.read("3"));
    }
}
