package dev.idflow.pipeline;

import dev.idflow.check.CheckSettings;
import dev.idflow.check.Checker;
import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceFile;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Compilation.Output;
import dev.idflow.source.PolicySource;
import dev.idflow.source.Provenance;
import dev.idflow.source.SourceException;
import dev.idflow.syntax.ParsedFile;
import dev.idflow.syntax.PolicyParser;
import dev.idflow.syntax.Resolution;
import dev.idflow.syntax.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The front half of every command: read the files, parse, resolve, check. The command
 * line and the Maven plugin both call this, so they cannot disagree.
 */
public final class Analyzer {

    private Analyzer() {
    }

    /** Reads and checks the policy of {@code source}. */
    public static Analysis analyze(PolicySource source, CheckSettings settings) throws SourceException {
        return analyze(source.files(), settings, source.displayPrefix(), source.provenance());
    }

    /** Reads and checks the policy of {@code source}, reusing the parses of {@code cache}. */
    static Analysis analyze(PolicySource source, CheckSettings settings, ParseCache cache) throws SourceException {
        return analyze(source.files(), settings, source.displayPrefix(), source.provenance(), cache::read);
    }

    /**
     * Reads and checks the policy of {@code source}, and tells {@code resolved} the policy and its
     * flows as soon as they are known, before the checks run (so that compile can start its
     * emitters, which need no finding); not at all when a language error stops the analysis.
     * {@code resolved} answers whether it started work on the other cores; the checks then run
     * on this thread alone.
     */
    static Analysis analyze(PolicySource source, CheckSettings settings, Predicate<Resolved> resolved)
            throws SourceException {
        return analyze(source.files(), settings, source.displayPrefix(), source.provenance(),
                Analyzer::readAndHash, resolved);
    }

    /** Checks the given files (in any order: the result does not depend on it). */
    public static Analysis analyze(List<SourceFile> sources, CheckSettings settings, String displayPrefix,
            Provenance provenance) {
        return analyze(sources, settings, displayPrefix, provenance, Analyzer::read);
    }

    /**
     * A file parsed and read alone ({@link Resolver#read}): its findings, without its syntax
     * tree or its text, and what resolving needs of it (null after a language error). Reading each
     * file as soon as it is parsed, on the thread that parsed it, lets its tree die young: a
     * large policy's trees are its largest structure, and those that lived until the whole
     * policy was resolved were copied by the collector into memory that had to be faulted in.
     */
    record Read(ParsedFile parsed, Resolver.ReadFile read, Output input) {
        static Read of(ParsedFile parsed) {
            return new Read(parsed.withoutTreeAndText(), parsed.ok() ? Resolver.read(parsed.ast()) : null, null);
        }

        Read hashed(SourceFile file) {
            return new Read(parsed, read, new Output(file.path(), Compiler.sha256(file.unsafeBytes())));
        }
    }

    static Read read(SourceFile file) {
        return Read.of(PolicyParser.parse(file));
    }

    /**
     * {@link #read}, and the file's sha256 for the manifest and the revision: hashed on the thread
     * that parses it rather than once the policy is resolved, where it stood between the
     * analysis and the emitters (for the first megabytes, before SHA-256 is compiled, slowly).
     */
    static Read readAndHash(SourceFile file) {
        return read(file).hashed(file);
    }

    /**
     * A policy without language errors and its flows, before the checks: what the emitters read.
     * {@code inputs} are the input files' paths and sha256, sorted by path: compile's reader
     * ({@link #readAndHash}) hashes every file; with another reader, nothing reads this record
     * and they are null.
     */
    record Resolved(List<SourceFile> sources, Provenance provenance, Policy policy, Flows flows,
            List<Output> inputs) {
    }

    private static Analysis analyze(List<SourceFile> sources, CheckSettings settings, String displayPrefix,
            Provenance provenance, Function<SourceFile, Read> reader) {
        return analyze(sources, settings, displayPrefix, provenance, reader, r -> false);
    }

    private static Analysis analyze(List<SourceFile> sources, CheckSettings settings, String displayPrefix,
            Provenance provenance, Function<SourceFile, Read> reader, Predicate<Resolved> resolved) {
        List<Read> read = sources.parallelStream().map(reader).toList();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean syntaxErrors = false;
        List<ParsedFile> parsed = new ArrayList<>(read.size());
        List<Resolver.ReadFile> files = new ArrayList<>(read.size());
        for (Read r : read) {
            parsed.add(r.parsed());
            diagnostics.addAll(r.parsed().diagnostics());
            if (r.read() != null) {
                files.add(r.read());
            } else {
                syntaxErrors = true;
            }
        }
        Policy policy = null;
        if (!syntaxErrors) {
            Resolution resolution = Resolver.link(files);
            diagnostics.addAll(resolution.diagnostics());
            policy = resolution.policy();
        }
        Flows flows = null;
        if (diagnostics.isEmpty()) {
            flows = Flows.derive(policy);
            boolean busy = resolved.test(new Resolved(sources, provenance, policy, flows, inputs(read)));
            diagnostics.addAll(busy ? Checker.runOnThisThread(policy, flows, settings)
                    : Checker.run(policy, flows, settings));
        }
        diagnostics.sort(Diagnostic.ORDER);
        return new Analysis(sources, parsed, policy, dedupe(diagnostics), settings.now(), displayPrefix, provenance,
                flows);
    }

    /** The hashed input files of {@code reads}, sorted by path; null when the reader hashed none. */
    private static List<Output> inputs(List<Read> reads) {
        if (reads.stream().anyMatch(r -> r.input() == null)) {
            return null;
        }
        return reads.stream().map(Read::input).sorted(Output.BY_PATH).toList();
    }

    /** Findings are reported once each. */
    private static List<Diagnostic> dedupe(List<Diagnostic> sorted) {
        List<Diagnostic> out = new ArrayList<>(sorted.size());
        Diagnostic last = null;
        for (Diagnostic d : sorted) {
            if (last == null || !(last.code().equals(d.code()) && last.span().equals(d.span())
                    && last.message().equals(d.message()))) {
                out.add(d);
            }
            last = d;
        }
        return out;
    }
}
