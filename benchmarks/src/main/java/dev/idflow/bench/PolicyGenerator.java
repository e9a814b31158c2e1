package dev.idflow.bench;

import dev.idflow.model.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes realistic synthetic policies of any size, deterministically from a seed: the same
 * options always give the same files, byte for byte.
 *
 * <p>A generated policy has systems of every kind (AWS accounts, GCP projects, Vault clusters
 * per env, OPA gateways, an IdP, an ITSM, two CI secret stores, Kubernetes clusters, SaaS
 * tools, applications, some in {@code mode monitor}), owners, sources, expiry rules,
 * identities of every kind with 3 to 6 credentials each (Vault paths, ARNs, GCP roles, HTTP
 * routes), time-bound exceptions, delegations and waivers. With {@code defects 0} it is free
 * of language errors (IDF0xx) and of lifecycle errors at {@link #NOW}; every identity is
 * independently given one realistic mistake with probability {@code defects}, a third of
 * which are waived.
 *
 * <p>Everything is laid out as a real repository would be: one file per kind of declaration
 * and one file per owning team under {@code identities/}. Dates are fixed, so check with
 * {@code --now 2026-11-29T08:00:00Z} ({@link #NOW}) for stable findings.
 *
 * <p>Used by the JMH benchmarks and {@code benchmarks/cli-bench.sh}; the compiler's own
 * tests may use it too (it depends on nothing but {@link SourceFile}).
 */
public final class PolicyGenerator {

    /** The "now" the generated dates are chosen around. */
    public static final String NOW = "2026-11-29T08:00:00Z";

    private static final String[] ENVS = {"prod", "staging", "dev"};
    private static final String[] TEAMS = {"payments", "checkout", "ledger", "search", "identity", "platform",
        "data", "ml", "growth", "billing", "fraud", "support", "mobile", "web", "infra", "security", "risk",
        "catalog", "orders", "shipping", "pricing", "ads", "analytics", "notifications"};
    private static final String[] COMPONENTS = {"api", "worker", "sync", "etl", "gateway", "scheduler",
        "indexer", "exporter", "importer", "bot", "agent", "deployer", "backup", "reporter", "consumer",
        "producer", "cache", "webhook", "crawler", "migrator"};
    private static final String[] VENDORS = {"stripe", "twilio", "sendgrid", "datadog", "pagerduty", "segment",
        "snowflake", "github", "slack", "zendesk", "hubspot", "okta-scim"};
    private static final String[] AWS_ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:ListBucket",
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "sqs:SendMessage", "sqs:ReceiveMessage",
        "kms:Decrypt", "secretsmanager:GetSecretValue", "logs:PutLogEvents", "sns:Publish"};
    private static final String[] GCP_ROLES = {"roles/storage.objectViewer", "roles/storage.objectCreator",
        "roles/bigquery.dataViewer", "roles/bigquery.jobUser", "roles/pubsub.publisher",
        "roles/pubsub.subscriber", "roles/cloudsql.client", "roles/secretmanager.secretAccessor"};
    private static final String[] PEOPLE = {"alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi"};

    /** What to generate. */
    public record Options(int identities, long seed, double defects) {
        public Options {
            if (identities < 1) {
                throw new IllegalArgumentException("identities must be at least 1");
            }
            if (defects < 0 || defects > 1) {
                throw new IllegalArgumentException("defects must be within 0..1");
            }
        }

        public static Options of(int identities) {
            return new Options(identities, 42, 0);
        }
    }

    private final Options options;
    private final SplittableRandom rnd;
    private final Map<String, StringBuilder> files = new TreeMap<>();

    // systems by role, each list in declaration order
    private final Map<String, List<String>> aws = new TreeMap<>();
    private final Map<String, List<String>> gcp = new TreeMap<>();
    private final Map<String, String> gcpProject = new TreeMap<>();
    private final Map<String, String> vault = new TreeMap<>();
    private final Map<String, List<String>> k8s = new TreeMap<>();
    private final List<String> ci = List.of("gh-actions", "gitlab-ci");
    private final List<String> saas = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final Map<String, Integer> counters = new TreeMap<>();

    private record Made(String identity, String owner, String credential, String issuerKind) {
    }

    private final List<Made> bindings = new ArrayList<>();
    private final List<String> identityNames = new ArrayList<>();

    public PolicyGenerator(Options options) {
        this.options = options;
        this.rnd = new SplittableRandom(options.seed());
    }

    /** The generated files: relative path (with {@code /}) to text, in path order. */
    public static Map<String, String> generate(Options options) {
        return new PolicyGenerator(options).run();
    }

    /** The generated files as sources, ready for the parser or the analyzer. */
    public static List<SourceFile> sources(Options options) {
        List<SourceFile> out = new ArrayList<>();
        generate(options).forEach((p, t) -> out.add(new SourceFile(p, t.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    /** Writes the files under {@code dir} (created if needed); returns how many were written. */
    public static int write(Options options, Path dir) throws IOException {
        Map<String, String> generated = generate(options);
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        return generated.size();
    }

    /**
     * {@code PolicyGenerator --identities N [--seed S] [--defects D] --out DIR}: writes a policy
     * folder.
     */
    public static void main(String[] args) throws IOException {
        int n = 1000;
        long seed = 42;
        double defects = 0;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--identities", "-n" -> n = Integer.parseInt(need(a, v));
                case "--seed" -> seed = Long.parseLong(need(a, v));
                case "--defects" -> defects = Double.parseDouble(need(a, v));
                case "--out", "-o" -> out = Path.of(need(a, v));
                default -> usage("unknown argument " + a);
            }
            i++;
        }
        if (out == null) {
            usage("--out DIR is required");
        }
        int count = write(new Options(n, seed, defects), out);
        System.out.println("wrote " + n + " identities in " + count + " files to " + out);
    }

    private static String need(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String why) {
        System.err.println("PolicyGenerator: " + why);
        System.err.println("usage: PolicyGenerator --identities N [--seed S] [--defects 0.05] --out DIR");
        System.exit(2);
    }

    private Map<String, String> run() {
        int n = options.identities();
        header();
        systems(n);
        ownersAndSources(n);
        expiry();
        for (int i = 0; i < n; i++) {
            identity(i);
        }
        exceptions(n);
        delegations();
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.toString()));
        return Collections.unmodifiableMap(out);
    }

    private StringBuilder file(String path) {
        return files.computeIfAbsent(path, p -> new StringBuilder("# generated by dev.idflow.bench.PolicyGenerator "
                + "(seed " + options.seed() + ", " + options.identities() + " identities)\n\n"));
    }

    private void header() {
        file("policy.idflow").append("policy \"synthetic-estate\" {\n  max-exception 72h\n  max-break-glass 4h\n}\n");
    }

    private void systems(int n) {
        StringBuilder s = file("systems.idflow");
        s.append("# Identity provider and ticketing: the authoritative sources.\n");
        s.append("system servicenow { kind itsm  can approve, audit }\n");
        s.append("system okta       { kind idp   can approve, suspend }\n\n");
        s.append("# CI secret stores keep copies of deploy credentials.\n");
        for (String c : ci) {
            s.append("system ").append(c).append(" { kind ci  can store, revoke }\n");
        }
        s.append("\n# The API gateway asks OPA.\nsystem gateway { kind opa  can enforce }\n\n");
        int accounts = clamp(n / 400, 1, 60);
        int projects = clamp(n / 800, 1, 30);
        int clusters = clamp(n / 1500, 1, 20);
        for (String env : ENVS) {
            aws.put(env, new ArrayList<>());
            gcp.put(env, new ArrayList<>());
            k8s.put(env, new ArrayList<>());
            for (int a = 0; a < accounts; a++) {
                String name = "aws-" + env + (accounts > 1 ? "-" + (a + 1) : "");
                aws.get(env).add(name);
                s.append("system ").append(name).append(" {\n  kind aws-iam\n  account \"")
                        .append(String.format("%012d", 100_000_000_000L + Math.abs(name.hashCode()) % 899_999_999_999L))
                        .append("\"\n  env ").append(env)
                        .append("\n  can provision, revoke, rotate, suspend, expire, audit\n}\n");
            }
            for (int p = 0; p < projects; p++) {
                String name = "gcp-" + env + (projects > 1 ? "-" + (p + 1) : "");
                gcp.get(env).add(name);
                String project = "acme-" + env + "-" + (p + 1);
                gcpProject.put(name, project);
                s.append("system ").append(name).append(" {\n  kind gcp-iam\n  project \"").append(project)
                        .append("\"\n  env ").append(env).append("\n  can provision, revoke, rotate, expire, audit\n}\n");
            }
            String v = "vault-" + env;
            vault.put(env, v);
            s.append("system ").append(v).append(" {\n  kind vault\n  address \"https://vault.").append(env)
                    .append(".acme.example\"\n  env ").append(env)
                    .append("\n  can provision, revoke, rotate, expire, audit\n}\n");
            for (int c = 0; c < clusters; c++) {
                String name = "k8s-" + env + (clusters > 1 ? "-" + (c + 1) : "");
                k8s.get(env).add(name);
                s.append("system ").append(name).append(" { kind kubernetes  env ").append(env)
                        .append("  can provision, revoke, expire, store }\n");
            }
            s.append('\n');
        }
        s.append("# SaaS tools that mint API keys.\n");
        for (String t : new String[] {"datadog", "snowflake", "sendgrid"}) {
            saas.add(t);
            s.append("system ").append(t).append(" { kind saas  can provision, revoke, rotate, expire }\n");
        }
        s.append("\n# Adopted in phases: known, not yet orchestrated.\n");
        s.append("system legacy-erp { kind app   can provision, revoke, rotate, suspend, expire  mode monitor }\n");
        s.append("system zendesk    { kind saas  can provision, revoke, rotate, suspend, expire  mode monitor }\n");
        s.append("system billing-app { kind app  can provision, revoke, rotate, expire }\n");
        saas.add("billing-app");
    }

    private void ownersAndSources(int n) {
        StringBuilder o = file("owners.idflow");
        int count = clamp(n / 100, 4, 2000);
        for (int i = 0; i < count; i++) {
            String team = TEAMS[i % TEAMS.length] + (i >= TEAMS.length ? "-" + (i / TEAMS.length + 1) : "") + "-team";
            owners.add(team);
            o.append("owner ").append(team).append(" { contact \"").append(team).append("-oncall@acme.example\"");
            if (i % 3 == 0) {
                o.append("  escalation \"security@acme.example\"");
            }
            o.append(" }\n");
        }
        file("sources.idflow").append("source create, update, delete from servicenow\nsource suspend from okta\n");
    }

    private void expiry() {
        file("expiry.idflow").append("""
                expiry secret, key      { max 90d  rotate 30d }
                expiry token            { max 24h }
                expiry token in prod    { max 1h }
                expiry certificate      { max 397d }
                expiry binding          { max 365d }
                """);
    }

    private static final String[] KINDS = {"workload", "workload", "workload", "workload", "service-account",
        "service-account", "pipeline", "pipeline", "third-party", "ephemeral", "agent", "agent"};

    private void identity(int index) {
        String kind = KINDS[rnd.nextInt(KINDS.length)];
        String env = index % 2 == 0 ? "prod" : ENVS[rnd.nextInt(ENVS.length)];
        String owner = owners.get(index % owners.size());
        String base = kind.equals("third-party") ? VENDORS[rnd.nextInt(VENDORS.length)]
                : owner.replace("-team", "") + "-" + COMPONENTS[rnd.nextInt(COMPONENTS.length)];
        String name = base.length() > 22 ? base.substring(0, 22) : base;
        if (name.endsWith("-")) {
            name = name.substring(0, name.length() - 1);
        }
        name = name + "-" + index;
        identityNames.add(name);
        String expires = switch (kind) {
            case "third-party" -> "2027-09-30";
            case "ephemeral" -> "2027-02-" + (10 + rnd.nextInt(18));
            default -> null;
        };
        Defect defect = rnd.nextDouble() < options.defects() ? Defect.values()[rnd.nextInt(Defect.values().length)]
                : null;

        StringBuilder s = file("identities/" + owner + ".idflow");
        s.append("identity ").append(name).append(" {\n  kind ").append(kind).append("\n  owner ").append(owner)
                .append("\n  env ").append(env).append('\n');
        if (expires != null) {
            s.append("  expires ").append(expires).append('\n');
        }
        s.append("  description \"").append(description(kind, name, defect)).append("\"\n");
        if (kind.equals("third-party")) {
            s.append("  source delete from okta\n");
        }
        int credentials = 3 + rnd.nextInt(4);
        int defective = defect == null ? -1 : rnd.nextInt(credentials);
        List<String> used = new ArrayList<>();
        for (int c = 0; c < credentials; c++) {
            credential(s, name, owner, kind, env, expires, c == defective ? defect : null, used);
        }
        if (defect == Defect.ENTROPY && rnd.nextInt(3) == 0) {
            waive(s, "  ", "IDF601");
        }
        s.append("}\n\n");
    }

    private String description(String kind, String name, Defect defect) {
        if (defect == Defect.ENTROPY) {
            StringBuilder junk = new StringBuilder("bootstrap with ");
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < 40; i++) {
                junk.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            return junk.toString();
        }
        return switch (kind) {
            case "pipeline" -> "deploy pipeline of " + name;
            case "third-party" -> "integration with an external vendor";
            case "ephemeral" -> "short-lived environment for a migration";
            case "agent" -> "AI agent acting for the team";
            case "service-account" -> "service account used by batch jobs";
            default -> "production workload " + name;
        };
    }

    /** A realistic mistake, and the finding it causes. */
    private enum Defect {
        REVOKER_CANNOT_REVOKE("IDF202"), NO_ROTATE("IDF303"), STORE_CANNOT_STORE("IDF205"),
        WILDCARD_ACTION("IDF501"), EMPTY_BINDING("IDF505"), EXPIRED("IDF306"), CROSS_ENV("IDF503"),
        NO_END("IDF301"), ENTROPY("IDF601"), MONITORED("IDF208");

        final String code;

        Defect(String code) {
            this.code = code;
        }
    }

    private String next(String kind, List<String> from) {
        int i = counters.merge(kind, 1, Integer::sum) - 1;
        return from.get(i % from.size());
    }

    private void credential(StringBuilder s, String identity, String owner, String kind, String env,
            String identityExpires, Defect defect, List<String> used) {
        String team = owner.replace("-team", "");
        // about one credential in 40 is issued by a system still in mode monitor (its IDF208 waived)
        int pick = defect == Defect.MONITORED || rnd.nextInt(40) == 0 ? 8 : rnd.nextInt(8);
        String bindingEnd = identityExpires != null && identityExpires.compareTo("2027-06-30") < 0 ? identityExpires
                : "2027-06-30";
        List<String> lines = new ArrayList<>();
        String type;
        String cname;
        String issuer;
        switch (pick) {
            case 0 -> { // a Vault login token
                type = "token";
                cname = "vault-login";
                issuer = vault.get(env);
                lines.add("issuer " + issuer);
                lines.add("ttl 1h");
                lines.add("allow \"read\", \"list\" on \"secret/data/" + team + "/" + identity + "/*\"");
            }
            case 1 -> { // a dynamic database secret, copied into CI or Kubernetes
                type = "secret";
                cname = "db-password";
                issuer = vault.get(env);
                lines.add("issuer " + issuer);
                lines.add("path \"database/creds/" + identity + "\"");
                lines.add("ttl 24h");
                lines.add("rotate 24h");
                if (kind.equals("pipeline")) {
                    lines.add("stored-in " + next("ci", ci));
                } else {
                    lines.add("stored-in " + next("k8s-" + env, k8s.get(env)));
                }
            }
            case 2 -> { // an AWS role binding
                type = "binding";
                cname = "aws-access";
                issuer = next("aws-" + env, aws.get(env));
                String a1 = AWS_ACTIONS[rnd.nextInt(AWS_ACTIONS.length)];
                String a2 = AWS_ACTIONS[rnd.nextInt(AWS_ACTIONS.length)];
                lines.add("issuer " + issuer);
                lines.add("allow \"" + a1 + "\"" + (a2.equals(a1) ? "" : ", \"" + a2 + "\"") + " on \"arn:aws:"
                        + a1.substring(0, a1.indexOf(':')) + ":::acme-" + team + "-" + env + "/" + identity + "/*\"");
                lines.add("expires " + bindingEnd);
            }
            case 3 -> { // an AWS access key
                type = "key";
                cname = "aws-access-key";
                issuer = next("aws-" + env, aws.get(env));
                lines.add("issuer " + issuer);
                lines.add("ttl 30d");
                lines.add("rotate 30d");
            }
            case 4 -> { // a GCP role binding
                type = "binding";
                cname = "gcp-role";
                issuer = next("gcp-" + env, gcp.get(env));
                lines.add("issuer " + issuer);
                lines.add("allow \"" + GCP_ROLES[rnd.nextInt(GCP_ROLES.length)] + "\" on \"projects/"
                        + gcpProject.get(issuer) + "/buckets/" + team + "-" + identity + "\"");
                lines.add("expires " + bindingEnd);
            }
            case 5 -> { // what the gateway lets it call
                type = "binding";
                cname = "api";
                issuer = "gateway";
                lines.add("issuer gateway");
                lines.add("allow \"GET\", \"POST\" on \"/" + team + "/" + identity + "/*\"");
                lines.add("expires " + bindingEnd);
            }
            case 6 -> { // a TLS client certificate from Vault PKI
                type = "certificate";
                cname = "mtls";
                issuer = vault.get(env);
                lines.add("issuer " + issuer);
                lines.add("path \"pki/issue/" + team + "\"");
                lines.add("ttl 30d");
            }
            case 7 -> { // a SaaS API key
                type = "key";
                cname = "api-key";
                issuer = next("saas", saas);
                lines.add("issuer " + issuer);
                lines.add("ttl 30d");
                lines.add("rotate 30d");
            }
            default -> { // issued by a system still in mode monitor
                type = "key";
                cname = "legacy-key";
                issuer = rnd.nextBoolean() ? "legacy-erp" : "zendesk";
                lines.add("issuer " + issuer);
                lines.add("ttl 30d");
                lines.add("rotate 30d");
            }
        }
        String unique = cname;
        for (int k = 2; used.contains(unique); k++) {
            unique = cname + "-" + k;
        }
        used.add(unique);
        if (defect != null) {
            inject(lines, defect, type, env);
        }
        s.append("\n  ").append(type).append(' ').append(unique).append(" {\n");
        for (String l : lines) {
            s.append("    ").append(l).append('\n');
        }
        if (pick == 8) {
            waive(s, "    ", "IDF208");
        } else if (defect != null && defect != Defect.ENTROPY && rnd.nextInt(3) == 0) {
            waive(s, "    ", defect.code);
        }
        s.append("  }\n");
        if (type.equals("binding") && defect == null) {
            bindings.add(new Made(identity, owner, unique, issuer));
        }
    }

    private void inject(List<String> lines, Defect defect, String type, String env) {
        switch (defect) {
            case REVOKER_CANNOT_REVOKE -> lines.add("revoker okta");
            case NO_ROTATE -> {
                lines.removeIf(l -> l.startsWith("rotate") || l.startsWith("ttl") || l.startsWith("expires"));
                lines.add("ttl 60d");
            }
            case STORE_CANNOT_STORE -> {
                lines.removeIf(l -> l.startsWith("stored-in"));
                lines.add("stored-in servicenow");
            }
            case WILDCARD_ACTION -> {
                if (type.equals("binding") || lines.stream().anyMatch(l -> l.startsWith("allow"))) {
                    lines.removeIf(l -> l.startsWith("allow"));
                    lines.add(lines.get(0).contains("gcp-") ? "allow \"roles/editor\""
                            : lines.get(0).contains("aws-") ? "allow \"s3:*\" on \"arn:aws:s3:::acme-shared/*\""
                            : lines.get(0).contains("vault-") ? "allow \"sudo\" on \"secret/data/shared/*\""
                            : "allow \"*\" on \"/shared/*\"");
                } else {
                    lines.add("revoker okta");
                }
            }
            case EMPTY_BINDING -> {
                if (type.equals("binding")) {
                    lines.removeIf(l -> l.startsWith("allow"));
                } else {
                    lines.removeIf(l -> l.startsWith("stored-in"));
                    lines.add("stored-in servicenow");
                }
            }
            case EXPIRED -> {
                lines.removeIf(l -> l.startsWith("ttl") || l.startsWith("expires") || l.startsWith("rotate"));
                lines.add("expires 2026-10-31");
            }
            case CROSS_ENV -> {
                String other = env.equals("prod") ? "staging" : "prod";
                lines.set(0, "issuer " + vault.get(other));
                lines.removeIf(l -> l.startsWith("allow") || l.startsWith("stored-in"));
            }
            case NO_END -> lines.removeIf(l -> l.startsWith("ttl") || l.startsWith("expires")
                    || l.startsWith("rotate"));
            default -> {
            }
        }
    }

    private void waive(StringBuilder s, String indent, String code) {
        s.append(indent).append("waive ").append(code).append(" \"tracked in SEC-").append(1000 + rnd.nextInt(9000))
                .append("\" until 2027-0").append(1 + rnd.nextInt(6)).append("-15\n");
    }

    private void exceptions(int n) {
        StringBuilder s = file("exceptions.idflow");
        int count = Math.min(bindings.size(), Math.max(1, n / 40));
        for (int i = 0; i < count; i++) {
            Made b = bindings.get(rnd.nextInt(bindings.size()));
            String approver = owners.get((owners.indexOf(b.owner()) + 1) % owners.size());
            boolean breakGlass = rnd.nextInt(4) == 0;
            boolean tooLong = rnd.nextDouble() < options.defects();
            String principal = breakGlass ? "user:" + PEOPLE[rnd.nextInt(PEOPLE.length)] + "@acme.example"
                    : "identity:" + identityNames.get(rnd.nextInt(identityNames.size()));
            int day = 1 + rnd.nextInt(28);
            int hour = rnd.nextInt(24);
            s.append("exception ").append(breakGlass ? "inc-" : "chg-").append(4000 + i).append(" {\n")
                    .append("  grant ").append(b.identity()).append('.').append(b.credential()).append(" to \"")
                    .append(principal).append("\"\n")
                    .append("  approver ").append(approver).append('\n')
                    .append("  ticket \"").append(breakGlass ? "INC-" : "CHG-").append(4000 + i).append("\"\n")
                    .append("  reason \"").append(breakGlass ? "restore service after a failed migration"
                            : "one-off data backfill for the quarterly report").append("\"\n")
                    .append(String.format("  from 2026-12-%02dT%02d:00:00Z for %s%n", day, hour,
                            tooLong ? "30d" : breakGlass ? "4h" : (24 + 24 * rnd.nextInt(2)) + "h"));
            if (breakGlass) {
                s.append("  break-glass\n");
            }
            s.append("}\n\n");
        }
    }

    private void delegations() {
        StringBuilder s = file("delegations.idflow");
        int count = Math.max(1, owners.size() / 10);
        for (int i = 0; i < count; i++) {
            String owner = owners.get(i * 10 % owners.size());
            String system = next("aws-dev", aws.get("dev"));
            s.append("delegate ").append(owner.replace("-team", "")).append("-sandbox {\n  to ").append(owner)
                    .append("\n  create workload, pipeline in ").append(system)
                    .append("\n  reconcile every 24h by ").append(system).append("\n}\n\n");
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
