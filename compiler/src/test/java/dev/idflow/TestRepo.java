package dev.idflow;

import dev.idflow.check.CheckSettings;
import dev.idflow.model.SourceFile;
import dev.idflow.pipeline.Analysis;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.report.TextReport;
import dev.idflow.source.DirectorySource;
import dev.idflow.source.Provenance;
import dev.idflow.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers shared by the tests: the repository's folders, the fixed "now", golden files. */
public final class TestRepo {

    /** The "now" at which every sample is judged. */
    public static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private TestRepo() {
    }

    /** The repository root (the parent of the module the tests run in). */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("samples")) ? here : here.getParent();
    }

    public static Path samples() {
        return root().resolve("samples");
    }

    /**
     * The head of a policy with a system of every cloud kind (aws-prod, gcp-data, vault-main),
     * ServiceNow as the source of every event and the owner platform-team, for tests that add
     * identities and exceptions.
     */
    public static final String CLOUD_HEAD = """
            policy "shop" { max-exception 72h }
            system servicenow { kind itsm can approve, audit }
            system aws-prod { kind aws-iam account "123456789012" can provision, revoke, rotate, expire, audit }
            system gcp-data { kind gcp-iam project "shop-data" can provision, revoke, expire, audit }
            system vault-main { kind vault address "https://vault.shop.example" can provision, revoke, expire }
            source create, update, suspend, delete from servicenow
            owner platform-team { contact "platform@shop.example" }
            """;

    /** True when {@code -Dgolden.update=true}: golden files are rewritten instead of compared. */
    public static boolean updateGolden() {
        return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
    }

    /** Checks the policy folder {@code dir} at {@link #NOW}, paths shown relative to it. */
    public static Analysis check(Path dir) {
        try {
            return Analyzer.analyze(new DirectorySource(dir, dir), CheckSettings.at(NOW));
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks one policy given as text, named {@code policy.idflow}. */
    public static Analysis checkText(String text) {
        return checkFiles(List.of(new SourceFile("policy.idflow", text.getBytes(StandardCharsets.UTF_8))));
    }

    public static Analysis checkFiles(List<SourceFile> files) {
        return Analyzer.analyze(files, CheckSettings.at(NOW), "", Provenance.directory());
    }

    /** The first line of every finding, {@code file:line:col: severity[CODE]: message}. */
    public static List<String> lines(Analysis a) {
        List<String> out = new ArrayList<>();
        a.diagnostics().forEach(d -> out.add(TextReport.line(a, d)));
        return out;
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String joinLines(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }
}
