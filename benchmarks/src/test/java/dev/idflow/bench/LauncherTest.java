package dev.idflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the launcher {@code ./idflow} as a user does, with bash and from other folders, and checks what it
 * promises (docs/performance.md, "How ./idflow runs the JVM"): the command line runs, the jar is built
 * only when a source is newer, an AppCDS archive is made once per jar and JVM, and the JVM gets its options.
 *
 * <p>The script runs on a copy of the few files it reads (itself, the build files, the jar, the acme sample
 * and stand-ins for the sources, older than the jar), so the checkout's {@code compiler/target} is never
 * touched; a fake {@code mvn} first on the PATH keeps any run from starting a build. Linux and bash only:
 * with {@code CI=true} their absence fails the class instead of skipping it.
 */
class LauncherTest {

    private static final String NOW = "2026-11-29T08:00:00Z";
    private static final long MIB_512 = 512L << 20;
    private static final long MIB_128 = 128L << 20;
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path REPO = repoRoot();
    private static final String JAR = jarName();
    /** The version the jar's name carries, which {@code --version} prints. */
    private static final String VERSION = JAR.replaceFirst("^idflow-compiler-(.+)-cli\\.jar$", "$1");
    /** The JVM running this test: first on every run's PATH, so the launcher uses it too. */
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** The copies' sources were last changed two hours ago and their jar built one hour ago. */
    private static final FileTime SOURCES_TIME = FileTime.from(START.minus(Duration.ofHours(2)));
    private static final FileTime JAR_TIME = FileTime.from(START.minus(Duration.ofHours(1)));
    private static final Pattern FINDING = Pattern.compile("^\\S+:\\d+:\\d+: (error|warning|info)\\[IDF\\d+\\]: .*");
    private static final Pattern SUMMARY = Pattern.compile("idflow: 0 errors, .* in \\d+ files");
    /** The compiler directives that `compile` gives the JVM, relative to the checkout. */
    private static final String DIRECTIVES = "compiler/jvm/c2-for-sha256.json";
    /** What the JVM prints on stdout when it reads them, unless the launcher turns its output off. */
    private static final String DIRECTIVES_NOTE = "2 compiler directives added";
    /** A {@code -XX:+PrintCompilation} line: its flags, its tier, its method. */
    private static final Pattern COMPILATION = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+(?:[%sbn!]+\\s+)?([0-4])\\s+(\\S+::\\S+) .*");

    @TempDir
    static Path sharedDir;
    /** The copy most tests share; those that would upset it (a newer source, no archive) make their own. */
    private static Checkout shared;

    @BeforeAll
    static void copyCheckout() throws IOException {
        requireLinuxAndBash();
        shared = Checkout.copy(sharedDir);
    }

    @AfterEach
    void noRunStartedABuild() {
        assertThat(shared.mvnLog()).as("./idflow called mvn: the copy's sources must be older than its jar")
                .doesNotExist();
    }

    // ---- the command line runs, from anywhere ----

    @Test
    void versionRunsFromAnotherFolderThroughAnAbsoluteOrARelativePath() {
        Path root = shared.root();
        assertVersion(shared.run(shared.elsewhere(), Map.of(), root.resolve("idflow").toString(), "--version"));
        assertVersion(shared.run(root.getParent(), Map.of(), "bash", "repo/idflow", "--version"));
        assertVersion(shared.run(root.resolve("samples/acme"), Map.of(), "bash", "../../idflow", "--version"));
        assertVersion(shared.run(root, Map.of(), "bash", "idflow", "--version"));
    }

    @Test
    void checkReadsThePolicyFolderRelativeToTheCallersFolder() {
        Path root = shared.root();
        Path policies = root.resolve("samples/acme/policies");
        String absolute = assertCheck(shared.run(shared.elsewhere(), Map.of(),
                root.resolve("idflow").toString(), "check", policies.toString(), "--now", NOW), policies.toString());
        String relative = assertCheck(shared.run(root.getParent(), Map.of(),
                "bash", "repo/idflow", "check", "repo/samples/acme/policies", "--now", NOW),
                "repo/samples/acme/policies");
        String inside = assertCheck(shared.run(root.resolve("samples/acme"), Map.of(),
                "bash", "../../idflow", "check", "policies", "--now", NOW), "policies");
        assertThat(relative).isEqualTo(absolute);
        assertThat(inside).isEqualTo(absolute);
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheCheckoutItPointsTo() throws IOException {
        Path bin = Files.createDirectories(shared.elsewhere().resolve("bin-link"));
        Path link = Files.createSymbolicLink(bin.resolve("idflow"), shared.root().resolve("idflow"));
        assertVersion(shared.run(shared.elsewhere(), Map.of(), link.toString(), "--version"));
        assertVersion(shared.run(bin, Map.of(), "bash", "idflow", "--version"));
    }

    @Test
    void anExportedCdpathChangesNothing(@TempDir Path dir) throws IOException {
        // a `cd repo` through CDPATH would land in the decoy and print its path on stdout
        Checkout copy = Checkout.copy(dir);
        Path decoys = dir.resolve("decoys");
        Files.createDirectories(decoys.resolve("repo/compiler/target"));
        assertVersion(copy.run(dir, Map.of("CDPATH", decoys + ":.", "IDFLOW_NO_CDS", "1"),
                "bash", "repo/idflow", "--version"));
        assertThat(copy.mvnLog()).doesNotExist();
    }

    // ---- the jar is built only when needed ----

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "compiler/pom.xml", "compiler/src/main/java/StandIn.java",
        "schemas/stand-in.schema.json"})
    void aSourceNewerThanTheJarMakesItBuildFirst(String source, @TempDir Path dir) throws IOException {
        Checkout copy = Checkout.copy(dir);
        Files.setLastModifiedTime(copy.root().resolve(source), FileTime.from(JAR_TIME.toInstant().plusSeconds(1)));
        assertBuildAttempted(copy, copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
    }

    @Test
    void noJarMakesItBuildFirst(@TempDir Path dir) throws IOException {
        Checkout copy = Checkout.copy(dir);
        Files.delete(copy.jar());
        assertBuildAttempted(copy, copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
    }

    // ---- the class-data-sharing archive ----

    @Test
    void oneArchiveForTheJarAndTheJvmReusedUntilTheJarIsNewer() throws IOException {
        Path archive = shared.target().resolve(archiveName(JAVA));
        assertVersion(shared.run(shared.elsewhere(), Map.of(), shared.idflow(), "--version"));
        assertThat(shared.archives()).containsExactly(archive);
        assertThat(Files.size(archive)).isPositive();

        FileTime fresh = FileTime.from(later(JAR_TIME, Files.getLastModifiedTime(JAVA.toRealPath())).plusSeconds(1));
        Files.setLastModifiedTime(archive, fresh);
        assertVersion(shared.run(shared.elsewhere(), Map.of(), shared.idflow(), "--version"));
        assertThat(Files.getLastModifiedTime(archive)).as("an archive newer than the jar and the JVM is reused")
                .isEqualTo(fresh);

        Path otherJvms = Files.writeString(shared.target().resolve("idflow-cli-_other_jvm_bin_java.jsa"), "old");
        Files.setLastModifiedTime(otherJvms, fresh);
        FileTime rebuilt = FileTime.from(fresh.toInstant().plusSeconds(1));
        Files.setLastModifiedTime(shared.jar(), rebuilt);
        assertVersion(shared.run(shared.elsewhere(), Map.of(), shared.idflow(), "--version"));
        assertThat(Files.getLastModifiedTime(archive)).as("made again for the newer jar").isGreaterThan(rebuilt);
        assertThat(shared.archives()).as("the archives made for the old jar are gone").containsExactly(archive);
        assertThat(otherJvms).doesNotExist();
    }

    /**
     * The archive is trained on a compile of the acme sample, so that a compile finds its targets'
     * classes in it too (not only those of the checks), and the training's scratch output is gone.
     */
    @Test
    void theArchiveHoldsTheClassesOfCompileAndTheTrainingLeavesNothingBehind() throws IOException {
        Result r = shared.run(shared.elsewhere(), Map.of("IDFLOW_JAVA_OPTS", "-Xlog:class+load=info"),
                shared.idflow(), "compile", shared.root().resolve("samples/acme/policies").toString(),
                "--now", NOW, "-o", "out-archived");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("dev.idflow.emit.opa.OpaEmitter source: shared objects file",
                "dev.idflow.check.NoRevoker source: shared objects file");
        try (Stream<Path> files = Files.list(shared.target())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("cds-training"));
        }
    }

    @Test
    void anotherJvmGetsItsOwnArchiveMadeAgainWhenThatJvmIsNewer(@TempDir Path dir) throws IOException {
        Path jvm = wrapperJvm(dir);
        Checkout copy = Checkout.copy(dir).withJava(jvm.getParent());
        Path archive = copy.target().resolve(archiveName(jvm));
        assertVersion(copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
        assertThat(copy.archives()).containsExactly(archive);

        FileTime old = FileTime.from(JAR_TIME.toInstant().plusSeconds(1));
        FileTime upgraded = FileTime.from(old.toInstant().plusSeconds(1));
        Files.setLastModifiedTime(archive, old);
        Files.setLastModifiedTime(jvm, upgraded);
        assertVersion(copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
        assertThat(Files.getLastModifiedTime(archive)).as("made again for the newer JVM").isGreaterThan(upgraded);
        assertThat(copy.archives()).containsExactly(archive);
        assertThat(copy.mvnLog()).doesNotExist();
    }

    @Test
    void twoJvmsUsedInTurnKeepTheirArchives(@TempDir Path dir) throws IOException {
        Path jvm = wrapperJvm(dir);
        Checkout copy = Checkout.copy(dir);
        Checkout wrapped = copy.withJava(jvm.getParent());
        Path own = copy.target().resolve(archiveName(JAVA));
        Path other = copy.target().resolve(archiveName(jvm));
        assertVersion(copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
        FileTime made = Files.getLastModifiedTime(own);
        assertVersion(wrapped.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
        assertThat(copy.archives()).containsExactlyInAnyOrder(own, other);
        assertVersion(copy.run(copy.elsewhere(), Map.of(), copy.idflow(), "--version"));
        assertThat(Files.getLastModifiedTime(own)).as("not made again after the other JVM ran").isEqualTo(made);
        assertThat(copy.archives()).containsExactlyInAnyOrder(own, other);
        assertThat(copy.mvnLog()).doesNotExist();
    }

    @Test
    void noArchiveWithIdflowNoCds(@TempDir Path dir) throws IOException {
        Checkout copy = Checkout.copy(dir);
        Result r = copy.run(copy.elsewhere(), Map.of("IDFLOW_NO_CDS", "1", "IDFLOW_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags"), copy.idflow(), "--version");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(flags(r)).doesNotContainKey("SharedArchiveFile").containsEntry("UseParallelGC", "true");
        assertThat(r.outputAfterFlags()).isEqualTo("idflow " + VERSION + "\n");
        assertThat(copy.archives()).isEmpty();
        assertThat(copy.mvnLog()).doesNotExist();
    }

    // ---- the JVM's options ----

    @ParameterizedTest
    @ValueSource(strings = {"check", "compile"})
    void theHeapIsTheJvmsOwnChoice(String command) {
        Path policies = shared.root().resolve("samples/acme/policies");
        List<String> args = new ArrayList<>(List.of(shared.idflow(), command, policies.toString(), "--now", NOW));
        if (command.equals("compile")) {
            args.addAll(List.of("-o", "out-heap"));
        }
        Result r = shared.run(shared.elsewhere(), Map.of("IDFLOW_JAVA_OPTS", printFlags(command)),
                args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> flags = flags(r);
        assertLauncherFlags(flags, command);
        assertThat(heap(flags)).as("the JVM's own heap sizes").isEqualTo(heap(defaultFlags()));
        assertThat(lastLine(r.outputAfterFlags())).matches(command.equals("check") ? SUMMARY.pattern() : "idflow: wrote .*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xmx512m", "-XX:MaxHeapSize=512m"})
    void aMaximumHeapInIdflowJavaOptsIsTheMaximum(String option) {
        Result r = shared.run(shared.elsewhere(), Map.of("IDFLOW_JAVA_OPTS", option + " " + printFlags("compile")),
                shared.idflow(), "compile", shared.root().resolve("samples/acme/policies").toString(),
                "--now", NOW, "-o", "out" + option.replaceAll("[^A-Za-z0-9]", "-"));
        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> flags = flags(r);
        assertLauncherFlags(flags, "compile");
        assertThat(flags).containsEntry("MaxHeapSize", String.valueOf(MIB_512));
        assertThat(lastLine(r.outputAfterFlags())).startsWith("idflow: wrote ");
    }

    /**
     * The heap grows from a small start as the policy needs. The launcher's collector options
     * once fixed the generations' sizes ({@code -XX:-UseAdaptiveSizePolicy}, which also stops
     * the heap from growing): a compile whose model outgrew the starting heap then collected
     * whole for ever (2,119 full collections for 1,500 identities from 8 MiB; 100,000
     * identities never ended).
     */
    @Test
    void theHeapGrowsFromASmallStart() throws IOException {
        Path policies = shared.elsewhere().resolve("generated-1500");
        PolicyGenerator.write(PolicyGenerator.Options.of(1500), policies);
        Path log = shared.elsewhere().resolve("gc-small-start.log");
        Result r = shared.run(shared.elsewhere(), Map.of("IDFLOW_JAVA_OPTS", "-Xms8m -Xlog:gc:file=" + log),
                shared.idflow(), "compile", policies.toString(), "--now", NOW, "-o", "out-small-start");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(lastLine(r.out())).startsWith("idflow: wrote ");
        List<String> full = Files.readAllLines(log).stream().filter(l -> l.contains("Pause Full")).toList();
        assertThat(full).as("full collections").hasSizeLessThan(20);
    }

    /**
     * `compile` lets C2 compile SHA-256 and nothing else, and every other method gets C1's code
     * without the profiling code first (docs/performance.md, "How ./idflow runs the JVM"); the
     * JVM's note that it read the directives stays off stdout, which is the command line's.
     */
    @Test
    void compileHasC2CompileSha256AloneAndTheJvmSaysNothingOfIt() throws IOException {
        Path policies = shared.elsewhere().resolve("generated-400");
        PolicyGenerator.write(PolicyGenerator.Options.of(400), policies);
        Result quiet = shared.run(shared.elsewhere(), Map.of(), shared.idflow(), "compile", policies.toString(),
                "--now", NOW, "-o", "out-quiet");
        assertThat(quiet.exit()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).as(quiet.toString()).doesNotContain(DIRECTIVES_NOTE);
        assertThat(quiet.err()).as(quiet.toString()).isEmpty();
        assertThat(lastLine(quiet.out())).startsWith("idflow: wrote ");

        Result r = shared.run(shared.elsewhere(), Map.of("IDFLOW_JAVA_OPTS", "-XX:+DisplayVMOutput -XX:+PrintCompilation"),
                shared.idflow(), "compile", policies.toString(), "--now", NOW, "-o", "out-compilations");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as("the directives were read").contains(DIRECTIVES_NOTE + "\n");
        Map<Integer, List<String>> byTier = new LinkedHashMap<>();
        r.out().lines().map(COMPILATION::matcher).filter(Matcher::matches)
                .forEach(m -> byTier.computeIfAbsent(Integer.parseInt(m.group(1)), t -> new ArrayList<>()).add(m.group(2)));
        assertThat(byTier.get(4)).as("C2's methods").isNotEmpty().contains("sun.security.provider.SHA2::implCompress0")
                .allMatch(m -> m.startsWith("sun.security.provider.SHA2::") || m.startsWith("sun.security.provider.DigestBase::"));
        int c1 = byTier.getOrDefault(1, List.of()).size();
        int profiling = byTier.getOrDefault(2, List.of()).size() + byTier.getOrDefault(3, List.of()).size();
        // tiers 2 and 3 come only where C2's queue was long when a method grew hot: a few at most
        assertThat(profiling).as("C1 compilations with profiling code, against %d without", c1)
                .isLessThan(Math.max(1, c1 / 50));
    }

    @Test
    void idflowJavaOptsAreNeverExpandedAsFileNames() throws IOException {
        Files.writeString(shared.elsewhere().resolve("-XX:ErrorFile=crash-1.log"), "");
        Result r = shared.run(shared.elsewhere(),
                Map.of("IDFLOW_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:ErrorFile=crash-*.log"),
                shared.idflow(), "--version");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(flags(r)).containsEntry("ErrorFile", "crash-*.log");
    }

    @Test
    void idflowJavaOptsComeLastAndWin() {
        Result r = shared.run(shared.elsewhere(),
                Map.of("IDFLOW_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=2"),
                shared.idflow(), "--version");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(flags(r)).containsEntry("TieredStopAtLevel", "2");
        assertThat(r.outputAfterFlags()).isEqualTo("idflow " + VERSION + "\n");
    }

    // ---- assertions ----

    private static void assertVersion(Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("idflow " + VERSION + "\n");
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    /** Asserts a clean check of acme whose findings name files under {@code policies}; returns them without it. */
    private static String assertCheck(Result r, String policies) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        List<String> findings = r.out().lines().filter(l -> FINDING.matcher(l).matches()).toList();
        assertThat(findings).as(r.toString()).isNotEmpty().allMatch(l -> l.startsWith(policies + "/"));
        assertThat(lastLine(r.out())).matches(SUMMARY);
        return r.out().replace(policies + "/", "");
    }

    private static void assertBuildAttempted(Checkout copy, Result r) throws IOException {
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("idflow: building the command line (first use only)...\n"
                + "idflow: the build failed; see compiler/target-build.log\n");
        assertThat(Files.readString(copy.mvnLog()))
                .isEqualTo(copy.root() + ": -q -B -DskipTests -pl compiler -am package\n");
    }

    /**
     * The options that make the JVM print its flags for {@code command}: `compile` turns the JVM's
     * output off (see {@link #compileHasC2CompileSha256AloneAndTheJvmSaysNothingOfIt}), so it is turned on again.
     */
    private static String printFlags(String command) {
        return command.equals("compile") ? "-XX:+DisplayVMOutput -XX:+PrintCommandLineFlags" : "-XX:+PrintCommandLineFlags";
    }

    /** What the launcher gives a run of {@code command}: docs/performance.md, "How ./idflow runs the JVM". */
    private static void assertLauncherFlags(Map<String, String> flags, String command) {
        assertThat(flags).containsEntry("UseParallelGC", "true").containsEntry("MaxTenuringThreshold", "0")
                .containsEntry("MaxNewSize", String.valueOf(MIB_128)).doesNotContainKey("UseAdaptiveSizePolicy")
                .containsEntry("PrintCommandLineFlags", "true")
                .containsEntry("SharedArchiveFile", shared.target().resolve(archiveName(JAVA)).toString());
        if (command.equals("compile")) {
            assertThat(flags).doesNotContainKey("TieredStopAtLevel")
                    .containsEntry("CompilerDirectivesFile", shared.root().resolve(DIRECTIVES).toString())
                    .containsEntry("Tier0ProfilingStartPercentage", "0").containsEntry("Tier4InvocationThreshold", "1");
        } else {
            assertThat(flags).containsEntry("TieredStopAtLevel", "1").doesNotContainKey("CompilerDirectivesFile");
        }
        if (hugePagesOffered()) {
            assertThat(flags).containsEntry("UseTransparentHugePages", "true");
        } else {
            assertThat(flags).doesNotContainKey("UseTransparentHugePages");
        }
    }

    // ---- what the JVM and the machine say ----

    /** The {@code -XX:+PrintCommandLineFlags} line, the first of stdout, by flag name. */
    private static Map<String, String> flags(Result r) {
        String line = r.out().lines().findFirst().orElse("");
        assertThat(line).as(r.toString()).startsWith("-XX:");
        Map<String, String> flags = new LinkedHashMap<>();
        for (String flag : line.trim().split(" +")) {
            String f = flag.substring("-XX:".length());
            if (f.startsWith("+") || f.startsWith("-")) {
                flags.put(f.substring(1), String.valueOf(f.startsWith("+")));
            } else {
                flags.put(f.substring(0, f.indexOf('=')), f.substring(f.indexOf('=') + 1));
            }
        }
        return flags;
    }

    private static List<String> heap(Map<String, String> flags) {
        return List.of(flags.get("InitialHeapSize"), flags.get("MinHeapSize"), flags.get("MaxHeapSize"));
    }

    private static Map<String, String> defaultFlags;

    /** The flags this JVM picks by itself with the launcher's collector and pages. */
    private static synchronized Map<String, String> defaultFlags() {
        if (defaultFlags == null) {
            List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:+UseParallelGC",
                    "-XX:MaxTenuringThreshold=0", "-XX:MaxNewSize=128m"));
            if (hugePagesOffered()) {
                command.add("-XX:+UseTransparentHugePages");
            }
            command.addAll(List.of("-XX:+PrintCommandLineFlags", "-version"));
            Result r = Result.of(shared.dir(), shared.elsewhere(), command, new ProcessBuilder(command));
            assertThat(r.exit()).as(r.toString()).isZero();
            defaultFlags = flags(r);
        }
        return defaultFlags;
    }

    /** {@code DIR/jdk/bin/java}: another JVM to the launcher, a script that runs this one. */
    private static Path wrapperJvm(Path dir) throws IOException {
        Path jvm = dir.resolve("jdk/bin/java");
        Files.createDirectories(jvm.getParent());
        Files.writeString(jvm, "#!/bin/sh\nexec '" + JAVA + "' \"$@\"\n");
        Files.setPosixFilePermissions(jvm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(jvm, SOURCES_TIME);
        return jvm;
    }

    private static boolean hugePagesOffered() {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (!Files.isReadable(thp)) {
            return false;
        }
        String enabled = read(thp);
        return enabled.contains("[always]") || enabled.contains("[madvise]");
    }

    /** The archive's name: the real path of the JVM, everything but letters and digits made {@code _}. */
    private static String archiveName(Path java) {
        try {
            return "idflow-cli-" + java.toRealPath().toString().replaceAll("[^A-Za-z0-9]", "_") + ".jsa";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireLinuxAndBash() {
        List<String> missing = new ArrayList<>();
        if (!System.getProperty("os.name").startsWith("Linux")) {
            missing.add("Linux");
        }
        if (!Files.isReadable(Path.of("/proc/meminfo"))) {
            missing.add("/proc/meminfo");
        }
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .noneMatch(d -> Files.isExecutable(Path.of(d.isEmpty() ? "." : d, "bash")))) {
            missing.add("bash");
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "./idflow needs Linux with bash and /proc; missing here: " + String.join(", ", missing);
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (CI=true requires them)");
        }
        Assumptions.abort(why);
    }

    // ---- the checkout and its copies ----

    private static Path repoRoot() {
        for (String start : List.of(System.getProperty("idflow.repoRoot", ""), System.getProperty("user.dir"))) {
            for (Path p = Path.of(start).toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("idflow")) && Files.isRegularFile(p.resolve("compiler/pom.xml"))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no checkout with ./idflow above " + System.getProperty("user.dir"));
    }

    /** The jar's file name as the launcher spells it. */
    private static String jarName() {
        Matcher m = Pattern.compile("/compiler/target/([^\"/]+-cli\\.jar)\"").matcher(read(REPO.resolve("idflow")));
        if (!m.find()) {
            throw new IllegalStateException("./idflow names no compiler/target/*-cli.jar");
        }
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant later(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a.toInstant() : b.toInstant();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /**
     * A copy of what {@code ./idflow} reads, under {@code dir/repo}; {@code dir/bin/mvn} records its calls in
     * {@code dir/mvn.log} and fails; {@code dir/elsewhere} is a folder outside the copy to call it from.
     */
    private record Checkout(Path dir, Path javaDir) {

        static Checkout copy(Path dir) throws IOException {
            Path root = dir.resolve("repo");
            for (String file : List.of("idflow", "pom.xml", "compiler/pom.xml", DIRECTIVES, "samples/acme/idflow.yaml")) {
                copyFile(REPO.resolve(file), root.resolve(file));
            }
            try (Stream<Path> policies = Files.walk(REPO.resolve("samples/acme/policies"))) {
                for (Path p : policies.filter(Files::isRegularFile).toList()) {
                    copyFile(p, root.resolve(REPO.relativize(p)));
                }
            }
            write(root.resolve("compiler/src/main/java/StandIn.java"), "// stands for the compiler's sources\n");
            write(root.resolve("schemas/stand-in.schema.json"), "{}\n");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(p, SOURCES_TIME);
                }
            }
            Path jar = REPO.resolve("compiler/target").resolve(JAR);
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: package the compiler first (mvn -B -o package -pl compiler)");
            }
            copyFile(jar, root.resolve("compiler/target").resolve(JAR));
            Files.setLastModifiedTime(root.resolve("compiler/target").resolve(JAR), JAR_TIME);
            Path mvn = dir.resolve("bin/mvn");
            write(mvn, "#!/bin/sh\n# stands for Maven: records the build ./idflow asks for, and fails\n"
                    + "echo \"$PWD: $*\" >>'" + dir.resolve("mvn.log") + "'\nexit 1\n");
            Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("elsewhere"));
            return new Checkout(dir, JAVA.getParent());
        }

        private static void copyFile(Path from, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }

        private static void write(Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        /** The same copy with another folder's {@code java} first on the PATH. */
        Checkout withJava(Path dir) {
            return new Checkout(this.dir, dir);
        }

        Path root() {
            return dir.resolve("repo");
        }

        String idflow() {
            return root().resolve("idflow").toString();
        }

        Path target() {
            return root().resolve("compiler/target");
        }

        Path jar() {
            return target().resolve(JAR);
        }

        Path elsewhere() {
            return dir.resolve("elsewhere");
        }

        Path mvnLog() {
            return dir.resolve("mvn.log");
        }

        /** The archives in compiler/target, and any temporary file left from making one. */
        List<Path> archives() throws IOException {
            try (Stream<Path> files = Files.list(target())) {
                return files.filter(p -> p.getFileName().toString().startsWith("idflow-cli-")).sorted().toList();
            }
        }

        /** Runs {@code command} in {@code cwd} with a clean environment plus {@code env}. */
        Result run(Path cwd, Map<String, String> env, String... command) {
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> environment = pb.environment();
            for (String name : List.of("IDFLOW_JAVA_OPTS", "IDFLOW_NO_CDS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
                    "_JAVA_OPTIONS", "CDPATH")) {
                environment.remove(name);
            }
            environment.put("PATH", dir.resolve("bin") + File.pathSeparator + javaDir + File.pathSeparator
                    + environment.getOrDefault("PATH", "/usr/bin:/bin"));
            environment.putAll(env);
            return Result.of(dir, cwd, List.of(command), pb);
        }
    }

    /** How a process ended. */
    private record Result(String command, int exit, String out, String err) {

        /** Runs {@code pb} in {@code cwd}, its output going to files in {@code scratch}. */
        static Result of(Path scratch, Path cwd, List<String> command, ProcessBuilder pb) {
            try {
                Path out = Files.createTempFile(scratch, "stdout", ".txt");
                Path err = Files.createTempFile(scratch, "stderr", ".txt");
                Process p = pb.directory(cwd.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    fail("%s did not end within %d s", command, TIMEOUT_SECONDS);
                }
                return new Result("in " + cwd + ": " + String.join(" ", command), p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Stdout after the {@code -XX:+PrintCommandLineFlags} line (and after the JVM's note of the
         * compiler directives, which follows it in a `compile` whose JVM output is turned on again).
         */
        String outputAfterFlags() {
            String after = out.substring(out.indexOf('\n') + 1);
            return after.startsWith(DIRECTIVES_NOTE + "\n") ? after.substring(DIRECTIVES_NOTE.length() + 1) : after;
        }

        @Override
        public String toString() {
            return command + "\nexit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
