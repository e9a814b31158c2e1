package dev.idflow.syntax;

import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.CredentialType;
import dev.idflow.model.Delegation;
import dev.idflow.model.End;
import dev.idflow.model.Event;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.ExpiryRule;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.IdentityKind;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Mode;
import dev.idflow.model.Names;
import dev.idflow.model.Owner;
import dev.idflow.model.Policy;
import dev.idflow.model.Source;
import dev.idflow.model.SourceSpan;
import dev.idflow.model.Spans;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.model.Waiver;
import dev.idflow.model.ast.Attribute;
import dev.idflow.model.ast.Attribute.AllowAttr;
import dev.idflow.model.ast.Attribute.CreateAttr;
import dev.idflow.model.ast.Attribute.GrantAttr;
import dev.idflow.model.ast.Attribute.ReconcileAttr;
import dev.idflow.model.ast.Attribute.SourceAttr;
import dev.idflow.model.ast.Attribute.StringAttr;
import dev.idflow.model.ast.Attribute.StringListAttr;
import dev.idflow.model.ast.Attribute.ValueAttr;
import dev.idflow.model.ast.Attribute.WaiveAttr;
import dev.idflow.model.ast.Attribute.WordAttr;
import dev.idflow.model.ast.Attribute.WordListAttr;
import dev.idflow.model.ast.Block;
import dev.idflow.model.ast.CredentialDecl;
import dev.idflow.model.ast.Declaration;
import dev.idflow.model.ast.Declaration.DelegateDecl;
import dev.idflow.model.ast.Declaration.ExceptionDecl;
import dev.idflow.model.ast.Declaration.ExpiryDecl;
import dev.idflow.model.ast.Declaration.IdentityDecl;
import dev.idflow.model.ast.Declaration.OwnerDecl;
import dev.idflow.model.ast.Declaration.PolicyDecl;
import dev.idflow.model.ast.Declaration.SourceDecl;
import dev.idflow.model.ast.Declaration.SystemDecl;
import dev.idflow.model.ast.Literal;
import dev.idflow.model.ast.Name;
import dev.idflow.model.ast.PolicyFile;
import dev.idflow.model.ast.Text;
import dev.idflow.model.diag.Codes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the syntax trees of all files of a policy into one linked {@link Policy}: names
 * declared once, references resolved to the right kind of thing, values read, defaults
 * applied. Everything it finds wrong is an IDF002-IDF009 finding; it never throws.
 *
 * <p>It works in two steps so that a large policy's syntax trees can be dropped file by file,
 * as soon as each is parsed: {@link #read} takes from one file all that the file alone decides
 * (every identity and its credentials with their values read, the strings, the findings about
 * them), and {@link #link} then resolves, with every file read, what names in other files
 * decide (references, the policy's default sources, the kinds of issuers). An identity is
 * most of a policy: reading it keeps only the model it becomes, and the few names it refers to.
 */
public final class Resolver {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern PRINCIPAL = Pattern.compile("(user|group|serviceAccount|identity):.+");
    private static final Set<Capability> OPA_IMPLIED =
            EnumSet.of(Capability.PROVISION, Capability.REVOKE, Capability.EXPIRE, Capability.ENFORCE);

    private final Diagnostics out = new Diagnostics();
    /** Every top-level name, first declaration wins; null while reading a file alone. */
    private final Map<String, Declared> names;
    private final Map<String, Declared> namesLower;
    private final List<Located> strings;

    /**
     * A top-level declaration as read from its file: its syntax tree, or for an identity its
     * draft (then {@code decl} is null). {@code name} is null for the declarations without one.
     */
    private record Declared(String kind, Name name, Declaration decl, IdentityDraft identity) {
    }

    /** What a fork resolved, and the findings it made on the way. */
    private record Forked<T>(T value, Diagnostics findings) {
    }

    /**
     * An identity read from its file alone: its model but for what names elsewhere decide (its
     * owner, its sources, its credentials' systems), and the findings made reading it, which
     * count only if it is the declaration that keeps its name.
     */
    private record IdentityDraft(Name name, IdentityKind kind, Name owner, String env, End expires,
            String description, List<SourceAttr> sources, List<Waiver> waivers, List<CredentialDraft> credentials,
            Spans spans, Diagnostics findings) {
    }

    /**
     * A credential read from its file alone; {@code allowKeys} are the places of its grants'
     * {@code allow}. Its lists are immutable already, so that the model keeps them as they are.
     */
    private record CredentialDraft(Name name, CredentialType type, Name issuer, Name revoker, List<Name> storedIn,
            Duration ttl, End expires, Duration rotate, String path, String member, List<Grant> grants,
            List<SourceSpan> allowKeys, List<Waiver> waivers, Spans spans) {
    }

    /** One file of a policy, read alone ({@link #read}); immutable, so one read serves several links. */
    public static final class ReadFile {
        private final String path;
        private final List<Declared> declared;
        private final List<Located> strings;

        private ReadFile(String path, List<Declared> declared, List<Located> strings) {
            this.path = path;
            this.declared = List.copyOf(declared);
            this.strings = List.copyOf(strings);
        }

        public String path() {
            return path;
        }
    }

    private Resolver(Map<String, Declared> names, Map<String, Declared> namesLower, List<Located> strings) {
        this.names = names;
        this.namesLower = namesLower;
        this.strings = strings;
    }

    /**
     * A fork that reads the names {@code parent} declared (no longer changed) and reports apart;
     * strings were all collected before, so a fork has none to add.
     */
    private Resolver(Resolver parent) {
        this(parent.names, parent.namesLower, List.of());
    }

    /** Resolves the files of one policy, in any order: the result does not depend on it. */
    public static Resolution resolve(Collection<PolicyFile> files) {
        return link(files.stream().map(Resolver::read).toList());
    }

    /** Reads one file alone: what {@link #link} needs of it, without its syntax tree. */
    public static ReadFile read(PolicyFile file) {
        Resolver reader = new Resolver(null, null, new ArrayList<>());
        List<Declared> declared = new ArrayList<>();
        for (Declaration d : file.declarations()) {
            reader.collectStrings(d);
            if (d instanceof IdentityDecl i) {
                Resolver own = new Resolver(null, null, List.of());
                declared.add(new Declared(kindOf(d), i.name(), null, own.readIdentity(i)));
            } else {
                declared.add(new Declared(kindOf(d), nameOf(d), d, null));
            }
        }
        return new ReadFile(file.path(), declared, reader.strings);
    }

    /** Resolves the files of one policy, each read alone, in any order: the result does not depend on it. */
    public static Resolution link(Collection<ReadFile> files) {
        List<ReadFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ReadFile::path));
        Resolver r = new Resolver(new HashMap<>(), new HashMap<>(), new ArrayList<>());
        List<Declared> read = new ArrayList<>();
        for (ReadFile f : sorted) {
            read.addAll(f.declared);
            r.strings.addAll(f.strings);
        }
        return r.run(read, sorted);
    }

    private Resolution run(List<Declared> read, List<ReadFile> files) {
        List<Declaration> all = new ArrayList<>();
        for (Declared d : read) {
            if (d.decl != null) {
                all.add(d.decl);
            }
            declare(d);
        }

        PolicyDecl policyDecl = policyDeclaration(all, files);
        List<Declared> declared = declaredInOrder();
        Map<String, ManagedSystem> systems = new TreeMap<>();
        Map<String, Owner> owners = new TreeMap<>();
        for (Declared d : declared) {
            if (d.decl instanceof SystemDecl s) {
                systems.put(s.name().text(), toSystem(s));
            } else if (d.decl instanceof OwnerDecl o) {
                owners.put(o.name().text(), toOwner(o));
            }
        }
        Map<Event, Source> defaults = defaultSources(all);
        List<ExpiryRule> rules = expiryRules(all);

        Map<String, Identity> identities = new TreeMap<>();
        Map<String, ExceptionGrant> exceptions = new TreeMap<>();
        Map<String, Delegation> delegations = new TreeMap<>();
        List<IdentityDraft> drafts = new ArrayList<>();
        for (Declared d : declared) {
            if (d.identity != null) {
                drafts.add(d.identity);
            }
        }
        // Identities are most of a large policy and independent of each other: each is linked
        // by a fork with findings of its own, which are then added in declaration order.
        List<Forked<Identity>> resolved = drafts.parallelStream().map(i -> {
            Resolver fork = new Resolver(this);
            return new Forked<>(fork.linkIdentity(i, defaults, systems), fork.out);
        }).toList();
        for (Forked<Identity> f : resolved) {
            identities.put(f.value().name(), f.value());
            out.addAll(f.findings());
        }
        for (Declared d : declared) {
            if (d.decl instanceof ExceptionDecl e) {
                exceptions.put(e.name().text(), toException(e, identities));
            } else if (d.decl instanceof DelegateDecl g) {
                delegations.put(g.name().text(), toDelegation(g));
            }
        }

        Policy policy = policyModel(policyDecl, systems, owners, defaults, rules, identities, exceptions,
                delegations);
        return new Resolution(policy, out.all());
    }

    // ---- names -------------------------------------------------------------------------

    private void declare(Declared d) {
        Name name = d.name;
        if (name == null) {
            return;
        }
        Declared first = names.get(name.text());
        if (first == null) {
            first = namesLower.get(name.text().toLowerCase(Locale.ROOT));
        }
        if (first != null) {
            duplicate(name, first.kind, first.name);
            return;
        }
        names.put(name.text(), d);
        namesLower.put(name.text().toLowerCase(Locale.ROOT), d);
    }

    private void duplicate(Name name, String firstKind, Name first) {
        String key = first.text().equals(name.text()) ? "IDF002.duplicate" : "IDF002.caseOnly";
        out.error("IDF002", name.span(), key, name.text(), firstKind, first.text(), first.span().toString())
                .related(first.span(), "first declared here")
                .subject("name " + name.text());
    }

    private List<Declared> declaredInOrder() {
        List<Declared> list = new ArrayList<>(names.values());
        list.sort(Comparator.comparing(d -> d.name.span()));
        return list;
    }

    private static Name nameOf(Declaration d) {
        if (d instanceof SystemDecl s) {
            return s.name();
        }
        if (d instanceof OwnerDecl o) {
            return o.name();
        }
        if (d instanceof IdentityDecl i) {
            return i.name();
        }
        if (d instanceof ExceptionDecl e) {
            return e.name();
        }
        return d instanceof DelegateDecl g ? g.name() : null;
    }

    private static String kindOf(Declaration d) {
        if (d instanceof SystemDecl) {
            return "system";
        }
        if (d instanceof OwnerDecl) {
            return "owner";
        }
        if (d instanceof IdentityDecl) {
            return "identity";
        }
        if (d instanceof ExceptionDecl) {
            return "exception";
        }
        return d instanceof DelegateDecl ? "delegation" : "declaration";
    }

    /**
     * Resolves a reference that must name a {@code kind}: IDF003 with "did you mean" when it
     * names nothing, IDF004 when it names something else. Returns the name or null.
     */
    private String reference(Name ref, String kind) {
        if (ref == null) {
            return null;
        }
        if (names == null) {
            throw new IllegalStateException("references are resolved when linking, not when reading a file");
        }
        Declared d = names.get(ref.text());
        if (d == null) {
            List<String> candidates = names.values().stream().filter(x -> x.kind.equals(kind))
                    .map(x -> x.name.text()).toList();
            String near = Names.closest(ref.text(), candidates);
            out.error("IDF003", ref.span(), "IDF003.unknown", kind, ref.text())
                    .withHelp(near == null ? null : "did you mean `" + near + "`?")
                    .subject(kind + " " + ref.text());
            return null;
        }
        if (!d.kind.equals(kind)) {
            out.error("IDF004", ref.span(), "IDF004.wrongKind", ref.text(), article(d.kind), article(kind))
                    .related(d.name.span(), "declared here as " + article(d.kind))
                    .subject(kind + " " + ref.text());
            return null;
        }
        return d.name.text();
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    // ---- policy ------------------------------------------------------------------------

    private PolicyDecl policyDeclaration(List<Declaration> all, List<ReadFile> files) {
        PolicyDecl first = null;
        for (Declaration d : all) {
            if (!(d instanceof PolicyDecl p)) {
                continue;
            }
            if (first == null) {
                first = p;
            } else {
                out.error("IDF007", p.keyword().span(), "IDF007.more", first.keyword().span().toString())
                        .related(first.keyword().span(), "the policy is declared here")
                        .subject("policy");
            }
        }
        if (first == null) {
            String file = files.isEmpty() ? "" : files.get(0).path();
            out.error("IDF007", SourceSpan.point(file, 1, 1), "IDF007.none")
                    .withHelp("add `policy \"NAME\"` to one file").subject("policy");
        }
        return first;
    }

    private Policy policyModel(PolicyDecl decl, Map<String, ManagedSystem> systems, Map<String, Owner> owners,
            Map<Event, Source> defaults, List<ExpiryRule> rules, Map<String, Identity> identities,
            Map<String, ExceptionGrant> exceptions, Map<String, Delegation> delegations) {
        Duration maxException = Policy.DEFAULT_MAX_EXCEPTION;
        Duration maxBreakGlass = Policy.DEFAULT_MAX_BREAK_GLASS;
        String name = null;
        Spans spans = Spans.of(SourceSpan.point("", 1, 1));
        if (decl != null) {
            name = decl.name().value();
            Name declName = new Name(name, decl.name().span());
            Attrs a = Attrs.of(BlockKind.POLICY, declName, decl.block(), out);
            maxException = orDefault(duration(a.get("max-exception", ValueAttr.class)), maxException);
            maxBreakGlass = orDefault(duration(a.get("max-break-glass", ValueAttr.class)), maxBreakGlass);
            noCredentials(decl.block(), BlockKind.POLICY, declName);
            spans = a.spans();
        }
        return new Policy(name, maxException, maxBreakGlass, systems, owners, defaults, rules, identities,
                exceptions, delegations, strings, spans);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    // ---- systems and owners ------------------------------------------------------------

    private ManagedSystem toSystem(SystemDecl s) {
        Attrs a = Attrs.of(BlockKind.SYSTEM, s.name(), s.block(), out);
        noCredentials(s.block(), BlockKind.SYSTEM, s.name());
        WordAttr kindAttr = a.get("kind", WordAttr.class);
        SystemKind kind = null;
        if (kindAttr == null) {
            missing(s.name(), "kind", "system");
        } else {
            kind = word(kindAttr.value(), SystemKind::parse, SystemKind.words(), "system kind");
        }
        Set<Capability> declared = EnumSet.noneOf(Capability.class);
        WordListAttr can = a.get("can", WordListAttr.class);
        if (can != null) {
            for (Name c : can.values()) {
                Capability cap = word(c, Capability::parse, Capability.words(), "capability");
                if (cap != null) {
                    declared.add(cap);
                }
            }
        }
        Set<Capability> effective = EnumSet.noneOf(Capability.class);
        effective.addAll(declared);
        if (kind == SystemKind.OPA) {
            effective.addAll(OPA_IMPLIED);
        }
        WordAttr modeAttr = a.get("mode", WordAttr.class);
        Mode mode = modeAttr == null ? Mode.ENFORCE
                : orDefault(word(modeAttr.value(), Mode::parse, Mode.words(), "mode"), Mode.ENFORCE);
        String account = kindString(a, "account", kind, SystemKind.AWS_IAM, s.name());
        String project = kindString(a, "project", kind, SystemKind.GCP_IAM, s.name());
        String address = kindString(a, "address", kind, SystemKind.VAULT, s.name());
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            invalid(a.get("account", StringAttr.class).value().span(), "IDF005.account", account);
        }
        if (project != null && !GCP_PROJECT.matcher(project).matches()) {
            invalid(a.get("project", StringAttr.class).value().span(), "IDF005.project", project);
        }
        if (address != null && !address.matches("https?://[^\\s\"]+")) {
            invalid(a.get("address", StringAttr.class).value().span(), "IDF005.address", address);
        }
        if (kind == SystemKind.AWS_IAM && account == null && !a.has("account")) {
            missing(s.name(), "account", "system", " (kind aws-iam)");
        }
        if (kind == SystemKind.GCP_IAM && project == null && !a.has("project")) {
            missing(s.name(), "project", "system", " (kind gcp-iam)");
        }
        WordAttr env = a.get("env", WordAttr.class);
        return new ManagedSystem(s.name().text(), kind, declared, effective, env == null ? null : env.value().text(),
                mode, account, project, address, a.spans());
    }

    /** An attribute that only one kind of system has: IDF008 on any other kind. */
    private String kindString(Attrs a, String word, SystemKind kind, SystemKind owner, Name system) {
        StringAttr attr = a.get(word, StringAttr.class);
        if (attr == null) {
            return null;
        }
        if (kind != null && kind != owner) {
            out.error("IDF008", attr.key().span(), "IDF008.wrongKind", word, kind.word(), system.text(), owner.word());
            return null;
        }
        return attr.value().value();
    }

    private Owner toOwner(OwnerDecl o) {
        Attrs a = Attrs.of(BlockKind.OWNER, o.name(), o.block(), out);
        noCredentials(o.block(), BlockKind.OWNER, o.name());
        StringListAttr contact = a.get("contact", StringListAttr.class);
        if (contact == null) {
            missing(o.name(), "contact", "owner");
        }
        StringAttr escalation = a.get("escalation", StringAttr.class);
        List<String> contacts = contact == null ? List.of() : contact.values().stream().map(Text::value).toList();
        return new Owner(o.name().text(), contacts, escalation == null ? null : escalation.value().value(),
                a.spans());
    }

    // ---- sources and expiry rules ------------------------------------------------------

    private Map<Event, Source> defaultSources(List<Declaration> all) {
        Map<Event, Source> map = new EnumMap<>(Event.class);
        for (Declaration d : all) {
            if (d instanceof SourceDecl s) {
                addSources(map, s.events(), s.system(), s.span(), false, "the policy");
            }
        }
        return map;
    }

    private void addSources(Map<Event, Source> map, List<Name> events, Name system, SourceSpan span,
            boolean perIdentity, String level) {
        String sys = reference(system, "system");
        for (Name e : events) {
            Event event = word(e, Event::parse, Event.words(), "event");
            if (event == null) {
                continue;
            }
            Source existing = map.get(event);
            if (existing != null && existing.inherited() == !perIdentity) {
                out.error("IDF009", e.span(), "IDF009.source", event.word(), level, existing.span().toString())
                        .related(existing.span(), "first source for " + event.word());
                continue;
            }
            if (sys != null) {
                map.put(event, new Source(event, sys, span, !perIdentity));
            }
        }
    }

    private List<ExpiryRule> expiryRules(List<Declaration> all) {
        List<ExpiryRule> rules = new ArrayList<>();
        Map<String, SourceSpan> seen = new HashMap<>();
        for (Declaration d : all) {
            if (!(d instanceof ExpiryDecl e)) {
                continue;
            }
            Name label = e.types().get(0);
            Attrs a = Attrs.of(BlockKind.EXPIRY, label, e.block(), out);
            noCredentials(e.block(), BlockKind.EXPIRY, label);
            String env = e.env() == null ? null : e.env().text();
            Set<CredentialType> types = EnumSet.noneOf(CredentialType.class);
            for (Name t : e.types()) {
                CredentialType type = CredentialType.parse(t.text());
                String key = type + " in " + env;
                SourceSpan first = seen.putIfAbsent(key, t.span());
                if (first != null) {
                    out.error("IDF009", t.span(), "IDF009.expiry", type.word(),
                            env == null ? "every env" : "env " + env, first.toString())
                            .related(first, "first rule for " + type.word());
                    continue;
                }
                types.add(type);
            }
            ValueAttr max = a.get("max", ValueAttr.class);
            if (max == null) {
                missing(label, "max", "expiry rule");
            }
            rules.add(new ExpiryRule(types, env, duration(max), duration(a.get("rotate", ValueAttr.class)),
                    a.spans()));
        }
        return rules;
    }

    // ---- identities and credentials ----------------------------------------------------

    /** Reads an identity alone; its findings stay in the draft until it is linked. */
    private IdentityDraft readIdentity(IdentityDecl decl) {
        Name name = decl.name();
        Attrs a = Attrs.of(BlockKind.IDENTITY, name, decl.block(), out);
        WordAttr kindAttr = a.get("kind", WordAttr.class);
        IdentityKind kind = null;
        if (kindAttr == null) {
            missing(name, "kind", "identity");
        } else {
            kind = word(kindAttr.value(), IdentityKind::parse, IdentityKind.words(), "identity kind");
        }
        WordAttr ownerAttr = a.get("owner", WordAttr.class);
        WordAttr env = a.get("env", WordAttr.class);
        End expires = end(a.get("expires", ValueAttr.class));
        StringAttr description = a.get("description", StringAttr.class);
        List<Waiver> waivers = waivers(a.all("waive", WaiveAttr.class));

        List<CredentialDraft> credentials = new ArrayList<>();
        Map<String, Name> lower = new HashMap<>();
        for (CredentialDecl c : decl.block().credentials()) {
            Name firstName = lower.putIfAbsent(c.name().text().toLowerCase(Locale.ROOT), c.name());
            if (firstName != null) {
                duplicate(c.name(), "credential", firstName);
                continue;
            }
            credentials.add(readCredential(c));
        }
        return new IdentityDraft(name, kind, ownerAttr == null ? null : ownerAttr.value(),
                env == null ? null : env.value().text(), expires,
                description == null ? null : description.value().value(), a.all("source", SourceAttr.class), waivers,
                credentials, a.spans(), out);
    }

    private CredentialDraft readCredential(CredentialDecl c) {
        Attrs a = Attrs.of(BlockKind.CREDENTIAL, c.name(), c.block(), out);
        CredentialType type = CredentialType.parse(c.type().text());
        WordAttr issuerAttr = a.get("issuer", WordAttr.class);
        if (issuerAttr == null) {
            missing(c.name(), "issuer", "credential");
        }
        WordAttr revokerAttr = a.get("revoker", WordAttr.class);
        WordListAttr stored = a.get("stored-in", WordListAttr.class);
        List<Grant> grants = new ArrayList<>();
        List<SourceSpan> allowKeys = new ArrayList<>();
        for (AllowAttr allow : a.all("allow", AllowAttr.class)) {
            grants.add(new Grant(located(allow.actions()), located(allow.resources()), allow.span()));
            allowKeys.add(allow.key().span());
        }
        StringAttr path = a.get("path", StringAttr.class);
        StringAttr member = a.get("member", StringAttr.class);
        return new CredentialDraft(c.name(), type, issuerAttr == null ? null : issuerAttr.value(),
                revokerAttr == null ? null : revokerAttr.value(), stored == null ? List.of() : stored.values(),
                duration(a.get("ttl", ValueAttr.class)), end(a.get("expires", ValueAttr.class)),
                duration(a.get("rotate", ValueAttr.class)), path == null ? null : path.value().value(),
                member == null ? null : member.value().value(), List.copyOf(grants), List.copyOf(allowKeys),
                waivers(a.all("waive", WaiveAttr.class)), a.spans());
    }

    /** The identity of a draft, with what names decide resolved, and the findings of both steps. */
    private Identity linkIdentity(IdentityDraft d, Map<Event, Source> defaults, Map<String, ManagedSystem> systems) {
        out.addAll(d.findings());
        Name name = d.name();
        String owner = reference(d.owner(), "owner");
        Map<Event, Source> sources = new EnumMap<>(Event.class);
        sources.putAll(defaults);
        for (SourceAttr s : d.sources()) {
            addSources(sources, s.events(), s.system(), s.span(), true, "identity `" + name.text() + "`");
        }
        Map<String, Credential> credentials = new TreeMap<>();
        for (CredentialDraft c : d.credentials()) {
            credentials.put(c.name().text(), linkCredential(name.text(), c, systems));
        }
        return new Identity(name.text(), d.kind(), owner, d.env(), d.expires(), d.description(), sources, d.waivers(),
                credentials, d.spans());
    }

    private Credential linkCredential(String identity, CredentialDraft c, Map<String, ManagedSystem> systems) {
        String issuer = reference(c.issuer(), "system");
        String revoker = c.revoker() == null ? issuer : reference(c.revoker(), "system");
        List<Located> storedIn = new ArrayList<>();
        for (Name s : c.storedIn()) {
            String sys = reference(s, "system");
            if (sys != null) {
                storedIn.add(new Located(sys, s.span()));
            }
        }
        ManagedSystem issuerSystem = issuer == null ? null : systems.get(issuer);
        boolean gcp = issuerSystem != null && issuerSystem.kind() == SystemKind.GCP_IAM;
        for (int k = 0; k < c.grants().size(); k++) {
            if (c.grants().get(k).resources().isEmpty() && !gcp && issuerSystem != null
                    && issuerSystem.kind() != null) {
                out.error("IDF006", c.allowKeys().get(k), "IDF006.on", issuerSystem.name(),
                        issuerSystem.kind().word()).withHelp("add `on \"RESOURCE\"`");
            }
        }
        return new Credential(identity, c.name().text(), c.type(), issuer, revoker, c.revoker() != null, c.ttl(),
                c.expires(), c.rotate(), storedIn, c.path(), c.member(), c.grants(), c.waivers(), c.spans());
    }

    private static List<Located> located(List<Text> texts) {
        return texts.stream().map(t -> new Located(t.value(), t.span())).toList();
    }

    private List<Waiver> waivers(List<WaiveAttr> attrs) {
        List<Waiver> list = new ArrayList<>();
        for (WaiveAttr w : attrs) {
            String code = w.code().text();
            if (!Codes.known(code)) {
                invalid(w.code().span(), code.matches("IDF[0-9]{3}") ? "IDF005.unknownCode" : "IDF005.code", code);
            }
            LocalDate until = null;
            End end = null;
            if (w.until() != null && Values.looksLikeTimestamp(w.until().text())) {
                invalid(w.until().span(), "IDF005.dateNeeded", w.until().text());
            } else if (w.until() != null) {
                until = Values.date(w.until().text());
                if (until == null) {
                    invalid(w.until().span(), "IDF005.date", w.until().text());
                } else {
                    end = new End(Values.endOfDay(until), w.until().text(), true);
                }
            }
            list.add(new Waiver(code, w.reason() == null ? null : w.reason().value(), until, end, w.span()));
        }
        return List.copyOf(list);
    }

    // ---- exceptions and delegations ----------------------------------------------------

    private ExceptionGrant toException(ExceptionDecl decl, Map<String, Identity> identities) {
        Name name = decl.name();
        Attrs a = Attrs.of(BlockKind.EXCEPTION, name, decl.block(), out);
        noCredentials(decl.block(), BlockKind.EXCEPTION, name);
        List<GrantAttr> grantAttrs = a.all("grant", GrantAttr.class);
        if (grantAttrs.isEmpty()) {
            missing(name, "grant", "exception");
        }
        List<ExceptionGrant.GrantTo> grants = new ArrayList<>();
        for (GrantAttr g : grantAttrs) {
            String identity = reference(g.identity(), "identity");
            String credential = null;
            if (identity != null) {
                Identity i = identities.get(identity);
                if (i != null && i.credentials().containsKey(g.credential().text())) {
                    credential = g.credential().text();
                } else if (i != null) {
                    String near = Names.closest(g.credential().text(), i.credentials().keySet());
                    out.error("IDF003", g.credential().span(), "IDF003.credential", identity, g.credential().text())
                            .withHelp(near == null ? null : "did you mean `" + identity + "." + near + "`?")
                            .subject("credential " + identity + "." + g.credential().text());
                }
            }
            for (Text p : g.principals()) {
                principal(p);
            }
            if (identity != null && credential != null) {
                grants.add(new ExceptionGrant.GrantTo(identity, credential, located(g.principals()), g.span()));
            }
        }
        WordAttr approver = a.get("approver", WordAttr.class);
        StringAttr ticket = a.get("ticket", StringAttr.class);
        StringAttr reason = a.get("reason", StringAttr.class);
        ValueAttr fromAttr = a.get("from", ValueAttr.class);
        Instant from = null;
        if (fromAttr == null) {
            missing(name, "from", "exception");
        } else {
            from = timestamp(fromAttr.value());
        }
        Instant until = null;
        Duration declaredFor = null;
        ValueAttr end = a.get("until", ValueAttr.class);
        if (end != null && end.word().equals("until")) {
            until = timestamp(end.value());
        } else if (end != null) {
            declaredFor = duration(end);
            until = from == null || declaredFor == null ? null : from.plus(declaredFor);
        }
        return new ExceptionGrant(name.text(), grants, approver == null ? null : reference(approver.value(), "owner"),
                ticket == null ? null : ticket.value().value(), reason == null ? null : reason.value().value(),
                from, until, declaredFor, a.has("break-glass"), a.spans());
    }

    private void principal(Text p) {
        if (!PRINCIPAL.matcher(p.value()).matches()) {
            invalid(p.span(), "IDF005.principal", p.value());
            return;
        }
        if (p.value().startsWith("identity:")) {
            String target = p.value().substring("identity:".length());
            reference(new Name(target, p.span()), "identity");
        }
    }

    private Delegation toDelegation(DelegateDecl decl) {
        Name name = decl.name();
        Attrs a = Attrs.of(BlockKind.DELEGATE, name, decl.block(), out);
        noCredentials(decl.block(), BlockKind.DELEGATE, name);
        WordAttr to = a.get("to", WordAttr.class);
        if (to == null) {
            missing(name, "to", "delegation");
        }
        CreateAttr create = a.get("create", CreateAttr.class);
        List<IdentityKind> kinds = new ArrayList<>();
        List<Located> systems = new ArrayList<>();
        if (create == null) {
            missing(name, "create", "delegation");
        } else {
            for (Name k : create.kinds()) {
                IdentityKind kind = word(k, IdentityKind::parse, IdentityKind.words(), "identity kind");
                if (kind != null) {
                    kinds.add(kind);
                }
            }
            for (Name s : create.systems()) {
                String sys = reference(s, "system");
                if (sys != null) {
                    systems.add(new Located(sys, s.span()));
                }
            }
        }
        ReconcileAttr reconcile = a.get("reconcile", ReconcileAttr.class);
        Duration every = null;
        String by = null;
        if (reconcile != null) {
            every = duration(reconcile.every());
            by = reference(reconcile.system(), "system");
        }
        return new Delegation(name.text(), to == null ? null : reference(to.value(), "owner"), kinds, systems,
                every, by, a.spans());
    }

    // ---- values ------------------------------------------------------------------------

    private <T> T word(Name n, Function<String, T> parse, List<String> allowed, String what) {
        T v = parse.apply(n.text());
        if (v == null) {
            String near = Names.closest(n.text(), allowed);
            invalid(n.span(), "IDF005.word", what, n.text(), String.join(", ", allowed))
                    .withHelp(near == null ? null : "did you mean `" + near + "`?");
        }
        return v;
    }

    private Duration duration(ValueAttr attr) {
        return attr == null ? null : duration(attr.value());
    }

    private Duration duration(Literal lit) {
        Duration d = Values.duration(lit.text());
        if (d == null) {
            String key = lit.text().matches("0+[smhdw]") ? "IDF005.zeroDuration" : "IDF005.duration";
            invalid(lit.span(), key, lit.text());
        }
        return d;
    }

    private End end(ValueAttr attr) {
        if (attr == null) {
            return null;
        }
        End e = Values.end(attr.value().text());
        if (e == null) {
            invalid(attr.value().span(), "IDF005.end", attr.value().text());
        }
        return e;
    }

    private Instant timestamp(Literal lit) {
        Instant t = Values.timestamp(lit.text());
        if (t == null) {
            invalid(lit.span(), Values.looksLikeDate(lit.text()) ? "IDF005.timestampNeeded" : "IDF005.timestamp",
                    lit.text());
        }
        return t;
    }

    private Diagnostics.Handle invalid(SourceSpan span, String key, Object... args) {
        return out.error("IDF005", span, key, args);
    }

    private void missing(Name declName, String attribute, String what) {
        missing(declName, attribute, what, "");
    }

    private void missing(Name declName, String attribute, String what, String note) {
        out.error("IDF006", declName.span(), "IDF006.missing", what, declName.text(), attribute, note)
                .withHelp("add `" + attribute + " ...`");
    }

    private void noCredentials(Block block, BlockKind kind, Name declName) {
        for (CredentialDecl c : block.credentials()) {
            out.error("IDF008", c.type().span(), "IDF008.credential", c.type().text(), c.name().text(), kind.word(),
                    declName.text())
                    .withHelp("declare credentials inside an `identity`");
        }
    }

    // ---- strings for secret detection --------------------------------------------------

    private void collectStrings(Declaration d) {
        if (d instanceof PolicyDecl p) {
            strings.add(new Located(p.name().value(), p.name().span()));
        }
        Block block = blockOf(d);
        if (block == null) {
            return;
        }
        collectStrings(block);
        block.credentials().forEach(c -> collectStrings(c.block()));
    }

    private static Block blockOf(Declaration d) {
        if (d instanceof PolicyDecl p) {
            return p.block();
        }
        if (d instanceof SystemDecl s) {
            return s.block();
        }
        if (d instanceof OwnerDecl o) {
            return o.block();
        }
        if (d instanceof ExpiryDecl e) {
            return e.block();
        }
        if (d instanceof IdentityDecl i) {
            return i.block();
        }
        if (d instanceof ExceptionDecl e) {
            return e.block();
        }
        return d instanceof DelegateDecl g ? g.block() : null;
    }

    private void collectStrings(Block block) {
        for (Attribute attr : block.attributes()) {
            if (attr instanceof StringAttr s) {
                add(s.value());
            } else if (attr instanceof StringListAttr s) {
                s.values().forEach(this::add);
            } else if (attr instanceof WaiveAttr w && w.reason() != null) {
                add(w.reason());
            } else if (attr instanceof AllowAttr al) {
                al.actions().forEach(this::add);
                al.resources().forEach(this::add);
            } else if (attr instanceof GrantAttr g) {
                g.principals().forEach(this::add);
            }
        }
    }

    private void add(Text t) {
        strings.add(new Located(t.value(), t.span()));
    }
}
