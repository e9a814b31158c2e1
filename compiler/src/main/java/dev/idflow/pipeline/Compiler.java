package dev.idflow.pipeline;

import dev.idflow.check.CheckSettings;
import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.Emitters;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.FileStore;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.emit.MemoryFiles;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.OutputFolder;
import dev.idflow.flow.Flows;
import dev.idflow.io.Json;
import dev.idflow.io.Schemas;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Compilation.Output;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.PolicySource;
import dev.idflow.source.Provenance;
import dev.idflow.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code idflow compile} as a library call: analyze, refuse on any error finding, run the
 * selected emitters as pure functions, validate every JSON file against its schema, add
 * {@code manifest.json} last, and replace the output folder in one move. The command line and
 * the Maven plugin both call this.
 */
public final class Compiler {

    /** The name of the manifest, the one file made after (and about) all the others. */
    public static final String MANIFEST = OutputFolder.MARKER;
    private static final String MANIFEST_SCHEMA = "manifest";
    private static final String MANIFEST_OUTPUTS = "outputs";

    private Compiler() {
    }

    /**
     * Reads, checks and compiles the policy of {@code source} into {@code out}. Each file is
     * written into a fresh folder beside OUT as soon as it is validated and then forgotten
     * (only its path and sha256 are kept, for the manifest); the folder takes OUT's place once
     * {@code manifest.json} is written, and is deleted if anything fails before.
     *
     * <p>The emitters need the resolved policy and its flows, not the findings, so they start as
     * soon as the policy is resolved and run while the checks do (which leave part of the cores
     * idle); a finding that refuses the compile then stops them, and their folder goes.
     */
    public static Compilation compile(PolicySource source, CheckSettings settings, List<String> targets, Path out)
            throws SourceException, OutputException {
        return compile(source, settings, targets, out, analysis -> { });
    }

    /**
     * {@link #compile}, handing {@code analyzed} the analysis as soon as it is complete, on the
     * calling thread, while the emitters may still be writing: the command line renders its
     * report there, instead of after the last file.
     */
    public static Compilation compile(PolicySource source, CheckSettings settings, List<String> targets, Path out,
            Consumer<Analysis> analyzed) throws SourceException, OutputException {
        if (source instanceof DirectorySource d
                && d.root().toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            throw new OutputException("the output folder " + out + " holds the policy folder " + d.root()
                    + ": choose another -o");
        }
        return compileWith(source, settings, select(targets), out, analyzed);
    }

    /** {@link #compile} with these emitters (for tests of the pipeline's own guarantees). */
    static Compilation compileWith(PolicySource source, CheckSettings settings, List<Emitter> emitters, Path out)
            throws SourceException, OutputException {
        return compileWith(source, settings, emitters, out, analysis -> { });
    }

    /** {@link #compile(PolicySource, CheckSettings, List, Path, Consumer)} with these emitters. */
    static Compilation compileWith(PolicySource source, CheckSettings settings, List<Emitter> emitters, Path out,
            Consumer<Analysis> analyzed) throws SourceException, OutputException {
        preloadSchemas();
        EarlyEmission early = new EarlyEmission(emitters, out);
        Analysis analysis;
        try {
            analysis = Analyzer.analyze(source, settings, early::start);
            analyzed.accept(analysis);
        } catch (SourceException | RuntimeException | Error e) {
            early.cancel();
            throw e;
        }
        return early.finish(analysis);
    }

    /**
     * The emitters of {@link #compile}, started from the analysis as soon as the policy is
     * resolved, and then kept or stopped by its findings. The staging folder is made at that
     * start, but a failure to make it is told only if the findings do not refuse the compile, so
     * that refused compiles report their findings as before, whatever the output folder. Where
     * the output folder's parent does not exist yet, the emitters wait for the checks instead.
     */
    private static final class EarlyEmission {
        private final List<Emitter> emitters;
        private final Path out;
        private OutputFolder.Staging staging;
        private OutputException stagingFailure;
        private Emitting emitting;

        EarlyEmission(List<Emitter> emitters, Path out) {
            this.emitters = emitters;
            this.out = out;
        }

        /** Starts the emitters, and answers whether it did (they then take every core). */
        boolean start(Analyzer.Resolved resolved) {
            Path parent = out.toAbsolutePath().normalize().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                // staging would create the output folder's parent, which a refused compile must not leave
                return false;
            }
            try {
                staging = OutputFolder.stage(out);
            } catch (OutputException e) {
                stagingFailure = e;
                return false;
            }
            emitting = Emitting.start(resolved.inputs(), resolved.provenance(), resolved.policy(), resolved.flows(),
                    emitters, staging);
            return true;
        }

        /** Stops the emitters, if started, and deletes their folder. */
        void cancel() {
            if (emitting != null) {
                emitting.running().cancel();
            }
            if (staging != null) {
                staging.close();
            }
        }

        Compilation finish(Analysis analysis) throws OutputException {
            if (refuses(analysis)) {
                cancel();
                return refused(analysis);
            }
            if (stagingFailure != null) {
                throw stagingFailure;
            }
            if (emitting == null) {
                return write(analysis, emitters, out);
            }
            try (OutputFolder.Staging s = staging) {
                Compilation c = emitting.finish(analysis, emitters);
                s.commit();
                return new Compilation(analysis, c.outputs(), List.of(), false);
            }
        }
    }

    /**
     * Starts loading the schema validator on another thread while the policy is read and
     * parsed, so that the first validation after the analysis finds it ready.
     */
    private static void preloadSchemas() {
        Thread t = new Thread(() -> {
            try {
                Schemas.preload(MANIFEST_SCHEMA);
            } catch (RuntimeException e) {
                // only a head start: the validation itself reports any problem with the schema
            }
        }, "idflow-preload-schemas");
        t.setDaemon(true);
        t.start();
    }

    /** Runs {@code emitters} on an analysis into {@code out}, as {@link #compile} does. */
    static Compilation write(Analysis analysis, List<Emitter> emitters, Path out) throws OutputException {
        if (refuses(analysis)) {
            return refused(analysis);
        }
        try (OutputFolder.Staging staging = OutputFolder.stage(out)) {
            Compilation c = run(analysis, emitters, staging);
            staging.commit();
            return new Compilation(analysis, c.outputs(), List.of(), false);
        }
    }

    /**
     * The files of {@code targets} for an analysis, manifest last, without touching the disk;
     * refused (no files) when an error finding remains.
     *
     * @throws IllegalArgumentException for an unknown target
     * @throws CompileException when an emitted file breaks its schema (a bug)
     */
    public static Compilation emit(Analysis analysis, List<String> targets) {
        return run(analysis, select(targets));
    }

    /** Runs {@code emitters}, keeping the files in memory (for tests of the pipeline's own guarantees). */
    static Compilation run(Analysis analysis, List<Emitter> emitters) {
        if (refuses(analysis)) {
            return refused(analysis);
        }
        MemoryFiles kept = new MemoryFiles();
        Compilation c;
        try {
            c = run(analysis, emitters, kept);
        } catch (OutputException e) {
            throw new IllegalStateException("memory is not an output folder", e);
        }
        List<GeneratedFile> files = c.outputs().stream().map(o -> kept.get(o.path())).toList();
        return new Compilation(analysis, c.outputs(), files, false);
    }

    private static boolean refuses(Analysis analysis) {
        return analysis.policy() == null || analysis.count(Severity.ERROR) > 0;
    }

    private static Compilation refused(Analysis analysis) {
        return new Compilation(analysis, List.of(), List.of(), true);
    }

    /**
     * Runs the emitters, one task each on every core, and hands {@code store} each file once it
     * is validated, {@code manifest.json} last, after all the others.
     */
    private static Compilation run(Analysis analysis, List<Emitter> emitters, FileStore store) throws OutputException {
        return Emitting.start(inputs(analysis.sources()), analysis.provenance(), analysis.policy(),
                analysis.flowsOrDerive(), emitters, store).finish(analysis, emitters);
    }

    /** Emitters running into {@code store}, and the hashed input files the manifest will list. */
    private record Emitting(List<Output> inputs, String revision, Parallel.Running<List<Output>> running,
            FileStore store) {

        static Emitting start(List<Output> inputs, Provenance provenance, Policy policy, Flows flows,
                List<Emitter> emitters, FileStore store) {
            EmitInput input = new EmitInput(policy, flows, Compiler.revision(provenance, inputs));
            return new Emitting(inputs, input.revision(),
                    Parallel.start(Emitters.longestFirst(emitters), e -> emit(e, input, store)), store);
        }

        /** Waits for the emitters' files, then puts {@code manifest.json} about them and {@code analysis}. */
        Compilation finish(Analysis analysis, List<Emitter> emitters) throws OutputException {
            List<Output> outputs = new ArrayList<>();
            for (List<Output> emitted : running.join()) {
                outputs.addAll(emitted);
            }
            outputs.sort(Output.BY_PATH);
            for (int i = 1; i < outputs.size(); i++) {
                if (outputs.get(i).path().equals(outputs.get(i - 1).path())) {
                    throw new IllegalArgumentException("two emitted files share the path " + outputs.get(i).path());
                }
            }
            ObjectNode manifest = Manifest.tree(analysis, revision, targetNames(emitters), inputs);
            outputs.add(putManifest(manifest, outputs, store));
            return new Compilation(analysis, outputs, List.of(), false);
        }
    }

    /**
     * Validates and puts {@code manifest.json}: {@code manifest} with {@code outputs} (sorted by
     * path) written into its empty {@code outputs}. Those were validated one by one as the files
     * were recorded, on the emitters' threads ({@link #recorded}); where the schema judges them
     * one by one, validating the rest of the manifest is then validating it whole.
     */
    private static Output putManifest(ObjectNode manifest, List<Output> outputs, FileStore store)
            throws OutputException {
        requireValid(MANIFEST, MANIFEST_SCHEMA, manifest);
        GeneratedFile f = GeneratedFile.adopt(MANIFEST, Manifest.bytes(manifest, MANIFEST_OUTPUTS, outputs));
        store.write(f);
        return new Output(MANIFEST, sha256(f.unsafeBytes()));
    }

    /** {@code file} once its entry in the manifest's {@code outputs} is validated. */
    private static Output recorded(Output file) {
        refuseProblems(MANIFEST, MANIFEST_SCHEMA,
                Schemas.validateItem(MANIFEST_SCHEMA, MANIFEST_OUTPUTS, Manifest.entry(file), file.path()));
        return file;
    }

    /**
     * The files of one emitter, each validated as it is put (a streamed one in parts, before
     * each part is written), then handed to {@code store}, then forgotten but for its path and
     * sha256. A file the emitter left open when it failed is closed, unrecorded.
     */
    private static List<Output> emit(Emitter e, EmitInput input, FileStore store) throws OutputException {
        EmitterSink sink = new EmitterSink(e, store);
        boolean emitted = false;
        try {
            e.emit(input, sink);
            emitted = true;
            // sorted here, on the emitter's thread, the files of all targets merge at once at the end
            sink.outputs.sort(Output.BY_PATH);
        } catch (JacksonIOException | UncheckedIOException x) {
            throw new OutputException("cannot write the files of target " + e.target() + ": "
                    + x.getCause().getMessage(), x.getCause());
        } finally {
            sink.closeOpen(emitted);
        }
        return sink.outputs;
    }

    /** The sink one emitter puts its files into, on its own thread: it validates and hashes them. */
    private static final class EmitterSink implements FileSink {
        private final Emitter emitter;
        private final FileStore store;
        private final List<Output> outputs = new ArrayList<>();
        /** JSON files whose skeleton is validated, which may now be opened. */
        private final Set<String> skeletons = new HashSet<>();
        /** Files opened and not yet closed. */
        private final Map<String, OutputStream> open = new LinkedHashMap<>();
        /** The digest of the files {@link #put} whole. */
        private final MessageDigest digest = sha256();

        EmitterSink(Emitter emitter, FileStore store) {
            this.emitter = emitter;
            this.store = store;
        }

        @Override
        public void put(GeneratedFile f) throws OutputException {
            GeneratedFile valid = validated(f, emitter.schema(f.path()), emitter.target());
            store.write(valid);
            // one digest for the sink's thread: tens of thousands of small files each looked one up
            String sha256 = HexFormat.of().formatHex(digest.digest(valid.unsafeBytes()));
            outputs.add(recorded(new Output(valid.path(), sha256)));
        }

        @Override
        public OutputStream open(String path) throws OutputException {
            if (path.equals(MANIFEST)) {
                throw new CompileException("target " + emitter.target() + " opened " + MANIFEST + ", which the pipeline owns");
            }
            if (isJson(path) && !skeletons.remove(path)) {
                throw new CompileException("target " + emitter.target() + " opened " + path
                        + " without validating its skeleton first");
            }
            MessageDigest sha256 = sha256();
            OutputStream file = store.open(path);
            open.put(path, file);
            return new DigestOutputStream(file, sha256) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        super.close();
                        open.remove(path);
                        outputs.add(recorded(new Output(path, HexFormat.of().formatHex(sha256.digest()))));
                    }
                }
            };
        }

        @Override
        public Readback reread(String path) throws OutputException {
            if (open.containsKey(path)) {
                throw new CompileException("target " + emitter.target() + " read back " + path + " while writing it");
            }
            return store.reread(path);
        }

        @Override
        public void checkSkeleton(String path, JsonNode skeleton) {
            requireValid(path, schema(emitter, path), skeleton);
            skeletons.add(path);
        }

        @Override
        public void checkEntry(String path, String map, String key, JsonNode value) {
            String schema = schema(emitter, path);
            if (!Schemas.entrywise(schema, map)) {
                throw new CompileException("target " + emitter.target() + " streamed `" + map + "` of " + path
                        + ", whose entries schemas/" + schema + ".schema.json does not judge one by one");
            }
            refuseProblems(path, schema, Schemas.validateEntry(schema, map, key, value));
        }

        /**
         * Closes the files still open: none after an emitter that returned (else it is a bug),
         * and whatever one that failed left, so that no file handle outlives the run.
         */
        void closeOpen(boolean emitted) {
            List<String> left = new ArrayList<>(open.keySet());
            for (OutputStream s : open.values()) {
                try {
                    s.close();
                } catch (IOException x) {
                    // the run fails anyway, and the staging folder goes with it
                }
            }
            open.clear();
            if (emitted && !left.isEmpty()) {
                throw new CompileException("target " + emitter.target() + " left " + String.join(", ", left) + " open");
            }
        }
    }

    /** {@code f} once validated, without its tree, which can then be collected before the file is written. */
    private static GeneratedFile validated(GeneratedFile f, String schema, String target) {
        validate(f, schema, target);
        return f.withoutTree();
    }

    /** The emitters of {@code targets} in registry order; every target when none is named. */
    public static List<Emitter> select(List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            return Emitters.all();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : targets) {
            if (Emitters.get(t) == null) {
                throw new IllegalArgumentException("unknown target `" + t + "`: expected one of "
                        + String.join(", ", Emitters.targets()));
            }
            wanted.add(t);
        }
        return Emitters.all().stream().filter(e -> wanted.contains(e.target())).toList();
    }

    private static List<String> targetNames(List<Emitter> emitters) {
        return emitters.stream().map(Emitter::target).toList();
    }

    private static void validate(GeneratedFile f, String schema, String target) {
        if (f.path().equals(MANIFEST)) {
            throw new CompileException("target " + target + " emitted " + MANIFEST + ", which the pipeline owns");
        }
        if (!isJson(f.path())) {
            return;
        }
        if (schema == null) {
            throw new CompileException("target " + target + " emitted " + f.path() + " without a schema");
        }
        requireValid(f.path(), schema, f.tree() != null ? f.tree() : Json.mapper().readTree(f.unsafeBytes()));
    }

    /** Whether the pipeline validates {@code path} as JSON. */
    private static boolean isJson(String path) {
        return path.endsWith(".json") || path.endsWith("/.manifest");
    }

    /** The schema of the JSON file {@code path} of {@code e}'s target. */
    private static String schema(Emitter e, String path) {
        String schema = e.schema(path);
        if (schema == null) {
            throw new CompileException("target " + e.target() + " emitted " + path + " without a schema");
        }
        return schema;
    }

    private static void requireValid(String path, String schema, JsonNode tree) {
        refuseProblems(path, schema, Schemas.validate(schema, tree));
    }

    private static void refuseProblems(String path, String schema, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new CompileException(path + " breaks schemas/" + schema + ".schema.json: "
                    + String.join("; ", problems));
        }
    }

    /**
     * The source revision: the commit id when read from Git, else {@code sha256:} and the
     * sha256 of the lines {@code PATH SHA256\n} of the input files, sorted by path.
     */
    public static String revision(Analysis analysis) {
        return revision(analysis.provenance(), inputs(analysis.sources()));
    }

    private static String revision(Provenance provenance, List<Output> inputs) {
        if (provenance != null && provenance.isGit() && provenance.commit() != null) {
            return provenance.commit();
        }
        StringBuilder lines = new StringBuilder();
        inputs.forEach(f -> lines.append(f.path()).append(' ').append(f.sha256()).append('\n'));
        return "sha256:" + sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Each input file's path and sha256, sorted by path: made once, for the revision and for
     * the manifest, on every core (it stands between the analysis and the emitters).
     */
    private static List<Output> inputs(List<SourceFile> sources) {
        return sources.parallelStream().sorted(Comparator.comparing(SourceFile::path))
                .map(f -> new Output(f.path(), sha256(f.unsafeBytes())))
                .toList();
    }

    /** The lower-case hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
