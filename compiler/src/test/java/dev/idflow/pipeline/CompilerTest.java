package dev.idflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idflow.TestRepo;
import dev.idflow.check.CheckSettings;
import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.StreamedJson;
import dev.idflow.emit.plan.PlanEmitter;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import dev.idflow.model.SourceFile;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.Provenance;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The compile pipeline: golden output, determinism, refusal on errors, all-or-nothing writing. */
class CompilerTest {

    @TempDir
    Path dir;

    static final Path ACME = TestRepo.samples().resolve("acme/policies");

    static Compilation acme() {
        return Compiler.emit(TestRepo.check(ACME), List.of());
    }

    @Test
    void acmeMatchesItsGoldenFolder() {
        Compilation c = acme();
        assertThat(c.refused()).isFalse();
        Golden.compare(TestRepo.samples().resolve("acme/expected"), c.files());
    }

    @Test
    void multicloudMatchesItsGoldenFolder() {
        Analysis a = TestRepo.check(TestRepo.samples().resolve("multicloud/policies"));
        Compilation c = Compiler.emit(a, List.of());
        assertThat(c.refused()).isFalse();
        assertThat(c.files()).extracting(GeneratedFile::path)
                .anyMatch(p -> p.startsWith("gcp/")).anyMatch(p -> p.startsWith("aws/"))
                .anyMatch(p -> p.startsWith("vault/")).anyMatch(p -> p.contains("/exceptions/"));
        Golden.compare(TestRepo.samples().resolve("multicloud/expected"), c.files());
    }

    @Test
    void manifestIsLastAndListsEveryOtherFileWithItsHash() {
        List<GeneratedFile> files = acme().files();
        GeneratedFile manifest = files.get(files.size() - 1);
        assertThat(manifest.path()).isEqualTo("manifest.json");
        JsonNode m = Json.read(manifest.text());
        assertThat(m.get("now").asString()).isEqualTo("2026-11-29T08:00:00Z");
        assertThat(m.get("policy").asString()).isEqualTo("acme-nhi");
        assertThat(m.get("source").get("kind").asString()).isEqualTo("directory");
        assertThat(m.get("outputs").size()).isEqualTo(files.size() - 1);
        for (int i = 0; i < files.size() - 1; i++) {
            assertThat(m.get("outputs").get(i).get("path").asString()).isEqualTo(files.get(i).path());
            assertThat(m.get("outputs").get(i).get("sha256").asString())
                    .isEqualTo(Compiler.sha256(files.get(i).content()));
        }
        assertThat(m.get("inputs").size()).isEqualTo(9);
        assertThat(m.get("findings").get("warning").asLong()).isEqualTo(TestRepo.check(ACME)
                .count(dev.idflow.model.diag.Severity.WARNING));
        assertThat(Schemas.validate("manifest", m)).isEmpty();
    }

    @Test
    void revisionIsTheHashOfTheSortedInputLines() {
        Analysis a = TestRepo.check(ACME);
        StringBuilder lines = new StringBuilder();
        a.sources().stream().map(SourceFile::path).sorted().forEach(p -> {
            SourceFile f = a.sources().stream().filter(s -> s.path().equals(p)).findFirst().orElseThrow();
            lines.append(p).append(' ').append(Compiler.sha256(f.content())).append('\n');
        });
        assertThat(Compiler.revision(a))
                .isEqualTo("sha256:" + Compiler.sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
        Analysis git = new Analysis(a.sources(), a.files(), a.policy(), a.diagnostics(), a.now(), "",
                new Provenance("git", "origin", "main", "0123456789abcdef0123456789abcdef01234567", null, false));
        assertThat(Compiler.revision(git)).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void sameInputInAnotherOrderGivesIdenticalBytes() throws Exception {
        List<SourceFile> files = new ArrayList<>(new DirectorySource(ACME, ACME).files());
        Compilation first = Compiler.emit(TestRepo.checkFiles(files), List.of());
        Collections.reverse(files);
        Compilation reversed = Compiler.emit(TestRepo.checkFiles(files), List.of());
        Compilation again = Compiler.emit(TestRepo.checkFiles(files), List.of());
        assertThat(reversed.files()).isEqualTo(first.files());
        assertThat(again.files()).isEqualTo(first.files());
    }

    /**
     * A compile hashes each input file on the thread that parses it; its manifest lists the
     * same sorted inputs, and so carries the same revision, as one made from the analysis
     * afterwards, whatever order the source lists its files in.
     */
    @Test
    void inputsHashedWhileParsingGiveTheManifestOfTheAnalysis() throws Exception {
        DirectorySource acme = new DirectorySource(ACME, ACME);
        List<SourceFile> reversed = new ArrayList<>(acme.files());
        Collections.reverse(reversed);
        PolicySource backwards = new PolicySource() {
            @Override
            public List<SourceFile> files() {
                return reversed;
            }

            @Override
            public String displayPrefix() {
                return acme.displayPrefix();
            }

            @Override
            public Provenance provenance() {
                return acme.provenance();
            }
        };
        Path out = dir.resolve("out");
        Compiler.compile(backwards, CheckSettings.at(TestRepo.NOW), List.of(), out);
        List<GeneratedFile> inMemory = acme().files();
        assertThat(Files.readAllBytes(out.resolve("manifest.json")))
                .isEqualTo(inMemory.get(inMemory.size() - 1).content());
    }

    @Test
    void emittedTargetsDoNotDependOnNow() {
        Analysis a = TestRepo.check(ACME);
        Analysis later = new Analysis(a.sources(), a.files(), a.policy(), a.diagnostics(),
                a.now().plusSeconds(86_400 * 30), a.displayPrefix(), a.provenance());
        List<GeneratedFile> x = Compiler.emit(a, List.of()).files();
        List<GeneratedFile> y = Compiler.emit(later, List.of()).files();
        assertThat(y.subList(0, y.size() - 1)).isEqualTo(x.subList(0, x.size() - 1));
        assertThat(y.get(y.size() - 1)).isNotEqualTo(x.get(x.size() - 1));
    }

    @Test
    void targetSelectionEmitsOnlyThoseTargetsAndTheManifest() {
        Compilation c = Compiler.emit(TestRepo.check(ACME), List.of("plan"));
        assertThat(c.files()).extracting(GeneratedFile::path).containsExactly("plan/lifecycle.json", "manifest.json");
        assertThatThrownBy(() -> Compiler.emit(TestRepo.check(ACME), List.of("azure")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown target `azure`");
    }

    private static final String BROKEN = """
            policy "p"
            system okta { kind idp can approve }
            owner o { contact "a@b.c" }
            source create, update, suspend, delete from okta
            identity api { kind workload owner nobody }
            """;

    @Test
    void anErrorFindingWritesNothingAndLeavesThePreviousOutputUntouched() throws Exception {
        Path out = dir.resolve("out");
        Compilation ok = Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW),
                List.of(), out);
        assertThat(ok.refused()).isFalse();
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        Path broken = dir.resolve("broken");
        TestRepo.write(broken.resolve("p.idflow"), BROKEN);
        Compilation refused = Compiler.compile(new DirectorySource(broken, broken), CheckSettings.at(TestRepo.NOW),
                List.of(), out);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.files()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
        assertThat(siblings(dir)).containsExactlyInAnyOrder("broken", "out");
    }

    /**
     * The emitters start once the policy is resolved, while the checks run; an error finding of
     * a check (not a language error, which stops the analysis before) then stops them and
     * deletes what they wrote.
     */
    @Test
    void aCheckErrorStopsTheEmittersStartedBeforeItAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW), List.of(), out);
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Emitter endless = new Scripted(sink -> {
            sink.put(GeneratedFile.adopt("plan/started.txt", new byte[] {'x'}));
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        Path broken = TestRepo.samples().resolve("checks/IDF101/broken");
        // the checks of so small a policy may end before the emitter's thread runs: the refusal waits for it
        Compilation refused = Compiler.compileWith(new DirectorySource(broken, broken), CheckSettings.at(TestRepo.NOW),
                List.of(endless), out, analysis -> {
                    try {
                        started.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(refused.refused()).isTrue();
        assertThat(refused.analysis().diagnostics()).extracting(d -> d.code()).contains("IDF101");
        assertThat(started.getCount()).as("the emitter started before the refusal").isZero();
        assertThat(interrupted).as("the refusal stopped it").isTrue();
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
        assertThat(siblings(dir)).containsExactly("out");
    }

    @Test
    void aRefusedFirstRunCreatesNoFolder() throws Exception {
        Path broken = dir.resolve("broken");
        TestRepo.write(broken.resolve("p.idflow"), BROKEN);
        Compiler.compile(new DirectorySource(broken, broken), CheckSettings.at(TestRepo.NOW), List.of(),
                dir.resolve("out"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aCheckErrorLeavesNoFolderWhereNoneWas() throws Exception {
        Path broken = TestRepo.samples().resolve("checks/IDF101/broken");
        Compilation refused = Compiler.compile(new DirectorySource(broken, broken), CheckSettings.at(TestRepo.NOW),
                List.of(), dir.resolve("new/out"));
        assertThat(refused.refused()).isTrue();
        assertThat(siblings(dir)).isEmpty();
        Compilation written = Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW),
                List.of(), dir.resolve("new/out"));
        assertThat(written.refused()).isFalse();
        assertThat(dir.resolve("new/out/manifest.json")).isRegularFile();
    }

    @Test
    void staleFilesOfAnEarlierRunDoNotLinger() throws Exception {
        Path out = dir.resolve("out");
        Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW), List.of(), out);
        TestRepo.write(out.resolve("plan/old.json"), "{}\n");
        Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW), List.of("plan"), out);
        assertThat(out.resolve("plan/old.json")).doesNotExist();
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("manifest.json", "plan");
        }
        assertThat(siblings(dir)).containsExactly("out");
    }

    @Test
    void refusesToReplaceAFolderThatHoldsThePolicy() {
        assertThatThrownBy(() -> Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW),
                List.of(), ACME.getParent())).isInstanceOf(OutputException.class)
                .hasMessageContaining("holds the policy folder");
    }

    static List<String> siblings(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** An emitter of one given file, validated against {@code schema} (null: none). */
    record Fake(GeneratedFile file, String schema) implements Emitter {
        Fake(String path, String text, String schema) {
            this(GeneratedFile.text(path, text), schema);
        }

        @Override
        public String target() {
            return "plan";
        }

        @Override
        public void emit(EmitInput input, FileSink out) throws OutputException {
            out.put(file);
        }

        @Override
        public String schema(String p) {
            return schema;
        }
    }

    @Test
    void aFileThatBreaksItsSchemaOrHasNoneIsABugNeverAFile() {
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Fake("plan/lifecycle.json", "{\"policy\": 1}\n",
                "plan-lifecycle")))).isInstanceOf(CompileException.class)
                .hasMessageContaining("plan/lifecycle.json breaks schemas/plan-lifecycle.schema.json");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Fake("plan/other.json", "{}\n", null))))
                .isInstanceOf(CompileException.class).hasMessageContaining("without a schema");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Fake("manifest.json", "{}\n", "manifest"))))
                .isInstanceOf(CompileException.class).hasMessageContaining("which the pipeline owns");
        assertThat(Compiler.run(a, List.of(new Fake("plan/notes.txt", "x\n", null))).files())
                .extracting(GeneratedFile::path).containsExactly("plan/notes.txt", "manifest.json");
    }

    @Test
    void theTreeAJsonFileWasWrittenFromIsWhatIsValidated() {
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Fake(GeneratedFile.json("plan/lifecycle.json",
                Json.read("{\"policy\": 1}")), "plan-lifecycle")))).isInstanceOf(CompileException.class)
                .hasMessageContaining("plan/lifecycle.json breaks schemas/plan-lifecycle.schema.json");
    }

    /** An emitter of one streamed file of schema plan-lifecycle: a skeleton and entries of {@code map}. */
    record Streamed(String skeleton, String map, Map<String, String> entries) implements Emitter {
        @Override
        public String target() {
            return "plan";
        }

        @Override
        public void emit(EmitInput input, FileSink out) throws OutputException {
            StreamedJson doc = new StreamedJson(PlanEmitter.PATH, (ObjectNode) Json.read(skeleton), out);
            entries.forEach((key, value) -> doc.entry(map, key, Json.read(value)));
            doc.finish();
        }

        @Override
        public String schema(String p) {
            return "plan-lifecycle";
        }
    }

    @Test
    void aStreamedFileIsValidatedEntryByEntryWithItsLocation() {
        Analysis a = TestRepo.check(ACME);
        String skeleton = "{\"policy\": \"p\", \"identities\": {}, \"exceptions\": {}}";
        assertThat(Compiler.run(a, List.of(new Streamed(skeleton, "exceptions", Map.of()))).files())
                .extracting(GeneratedFile::path).containsExactly(PlanEmitter.PATH, "manifest.json");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Streamed(skeleton, "identities",
                Map.of("svc", "{\"kind\": \"robot\"}"))))).isInstanceOf(CompileException.class)
                .hasMessageContaining("plan/lifecycle.json breaks schemas/plan-lifecycle.schema.json")
                .hasMessageContaining("/identities/svc/kind: does not have a value in the enumeration");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Streamed("{\"policy\": 1, \"identities\": {}}",
                "identities", Map.of())))).isInstanceOf(CompileException.class)
                .hasMessageContaining("plan/lifecycle.json breaks schemas/plan-lifecycle.schema.json");
    }

    /** What a scripted emitter does with its sink. */
    @FunctionalInterface
    interface Script {
        void run(FileSink out) throws Exception;
    }

    /** An emitter of target plan that runs {@code script}. */
    record Scripted(Script script) implements Emitter {
        @Override
        public String target() {
            return "plan";
        }

        @Override
        public void emit(EmitInput input, FileSink out) throws OutputException {
            try {
                script.run(out);
            } catch (OutputException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String schema(String p) {
            return "plan-lifecycle";
        }
    }

    /** The analysis is handed over while the emitters still write (the command line renders its report then). */
    @Test
    void theAnalysisIsHandedOverBeforeTheEmittersFinish() throws Exception {
        CountDownLatch analyzed = new CountDownLatch(1);
        Emitter waiting = new Scripted(out -> {
            if (!analyzed.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the analysis was not handed over while emitting");
            }
            out.put(GeneratedFile.adopt("plan/after-analysis.txt", new byte[] {'x'}));
        });
        Path out = dir.resolve("out");
        Compilation c = Compiler.compileWith(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW),
                List.of(waiting), out, analysis -> analyzed.countDown());
        assertThat(c.refused()).isFalse();
        assertThat(out.resolve("plan/after-analysis.txt")).exists();
    }

    @Test
    void aFileWrittenAsItIsMadeIsHashedAndReadBackOnceClosed() throws Exception {
        Analysis a = TestRepo.check(ACME);
        List<String> readBack = new ArrayList<>();
        Compilation c = Compiler.run(a, List.of(new Scripted(out -> {
            try (OutputStream notes = out.open("plan/notes.txt")) {
                notes.write("first\n".getBytes(StandardCharsets.UTF_8));
                notes.write("second\n".getBytes(StandardCharsets.UTF_8));
            }
            FileSink.Readback r = out.reread("plan/notes.txt");
            try (InputStream in = r.bytes()) {
                readBack.add(r.size() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        })));
        assertThat(readBack).containsExactly("13 first\nsecond\n");
        assertThat(c.outputs()).contains(new Compilation.Output("plan/notes.txt",
                Compiler.sha256("first\nsecond\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(c.files().get(0).text()).isEqualTo("first\nsecond\n");
    }

    @Test
    void aFileOpenedAgainstThePipelinesRulesIsABug() {
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Scripted(out -> out.open(PlanEmitter.PATH).close()))))
                .isInstanceOf(CompileException.class)
                .hasMessage("target plan opened plan/lifecycle.json without validating its skeleton first");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Scripted(out -> out.open("manifest.json").close()))))
                .isInstanceOf(CompileException.class)
                .hasMessage("target plan opened manifest.json, which the pipeline owns");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Scripted(out -> out.open("plan/notes.txt").write(1)))))
                .isInstanceOf(CompileException.class).hasMessage("target plan left plan/notes.txt open");
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Scripted(out -> {
            out.open("plan/notes.txt");
            out.reread("plan/notes.txt");
        })))).isInstanceOf(CompileException.class).hasMessage("target plan read back plan/notes.txt while writing it");
    }

    @Test
    void anEmitterThatFailsWhileWritingAFileLeavesThePreviousOutputAsItWas() throws Exception {
        Path out = previousOutput();
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.write(a, List.of(new Scripted(sink -> {
            sink.open("plan/notes.txt").write(new byte[100_000]);
            throw new IllegalStateException("emitter bug");
        })), out)).isInstanceOf(IllegalStateException.class).hasMessage("emitter bug");
        assertLeftAsItWas(out, manifest, "plan/notes.txt");
    }

    /** {@code dir/out}, holding the compile of acme. */
    private Path previousOutput() throws Exception {
        Path out = dir.resolve("out");
        Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW), List.of(), out);
        return out;
    }

    /** {@code out} still has its {@code manifest}, not the file {@code absent}, and nothing lies beside it. */
    private void assertLeftAsItWas(Path out, byte[] manifest, String absent) throws Exception {
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
        assertThat(out.resolve(absent)).doesNotExist();
        assertThat(siblings(dir)).containsExactly("out");
    }

    @Test
    void aStreamedMapWhoseSchemaRelatesItsEntriesIsABug() {
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Scripted(out -> out.checkEntry(PlanEmitter.PATH, "policy",
                "k", Json.read("1"))))))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("streamed `policy` of plan/lifecycle.json, whose entries "
                        + "schemas/plan-lifecycle.schema.json does not judge one by one");
    }

    @Test
    void twoFilesWithOnePathAreABug() {
        Analysis a = TestRepo.check(ACME);
        assertThatThrownBy(() -> Compiler.run(a, List.of(new Fake("plan/notes.txt", "x\n", null),
                new Fake("plan/notes.txt", "y\n", null)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two emitted files share the path plan/notes.txt");
    }

    @Test
    void aFileThatBreaksItsSchemaWhileOthersAreWrittenLeavesThePreviousOutputAsItWas() throws Exception {
        Path out = previousOutput();
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        Analysis a = TestRepo.check(ACME);
        List<Emitter> emitters = new ArrayList<>(Compiler.select(List.of()));
        emitters.add(new Fake("plan/broken.json", "{\"policy\": 1}\n", "plan-lifecycle"));
        assertThatThrownBy(() -> Compiler.write(a, emitters, out)).isInstanceOf(CompileException.class)
                .hasMessageContaining("plan/broken.json");
        assertLeftAsItWas(out, manifest, "plan/broken.json");
    }

    @Test
    void writtenFilesAreExactlyTheFilesKeptInMemory() throws Exception {
        Path out = dir.resolve("out");
        Compilation written = Compiler.compile(new DirectorySource(ACME, ACME), CheckSettings.at(TestRepo.NOW),
                List.of(), out);
        Compilation kept = acme();
        assertThat(written.files()).isEmpty();
        assertThat(written.outputs()).isEqualTo(kept.outputs());
        for (GeneratedFile f : kept.files()) {
            assertThat(Files.readAllBytes(out.resolve(f.path()))).as(f.path()).isEqualTo(f.content());
        }
        try (var walk = Files.walk(out)) {
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(kept.files().size());
        }
        assertThat(kept.outputs()).extracting(Compilation.Output::sha256)
                .containsExactlyElementsOf(kept.files().stream().map(f -> Compiler.sha256(f.content())).toList());
    }
}
