package dev.idflow.diff;

import dev.idflow.flow.Flows;
import dev.idflow.flow.Step;
import dev.idflow.model.Capability;
import dev.idflow.model.Credential;
import dev.idflow.model.Delegation;
import dev.idflow.model.End;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Grant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic change between two resolved policies, by identity, exception, delegation and
 * system: what was added or removed, access widened or narrowed, lifetimes and rotations made
 * longer or shorter, revokers changed or lost, and systems whose capabilities changed with the
 * credentials whose flows they take part in. Either policy may be {@link #EMPTY}-like (null).
 */
public final class PolicyDiff {

    private final Policy base;
    private final Policy head;
    private final Flows baseFlows;
    private final Flows headFlows;
    private final List<Change> changes = new ArrayList<>();

    private PolicyDiff(Policy base, Flows baseFlows, Policy head, Flows headFlows) {
        this.base = base;
        this.head = head;
        this.baseFlows = baseFlows;
        this.headFlows = headFlows;
    }

    /** The changes from {@code base} to {@code head} (null: an empty policy), in a deterministic order. */
    public static List<Change> compare(Policy base, Policy head) {
        return compare(base, base == null ? null : Flows.derive(base), head, head == null ? null : Flows.derive(head));
    }

    /** {@link #compare(Policy, Policy)} with the flows of each policy already derived (null with it). */
    public static List<Change> compare(Policy base, Flows baseFlows, Policy head, Flows headFlows) {
        PolicyDiff d = new PolicyDiff(base, baseFlows, head, headFlows);
        d.identities();
        d.exceptions();
        d.delegations();
        d.systems();
        return List.copyOf(d.changes);
    }

    private <V> Map<String, V> of(Policy p, java.util.function.Function<Policy, Map<String, V>> f) {
        return p == null ? Map.of() : f.apply(p);
    }

    private static <V> Set<String> names(Map<String, V> a, Map<String, V> b) {
        Set<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private void add(Change.Kind kind, String scope, String subject, String description, SourceSpan span,
            boolean atBase) {
        changes.add(new Change(kind, scope, subject, description, span, atBase, List.of()));
    }

    // identities and credentials

    private void identities() {
        Map<String, Identity> b = of(base, Policy::identities);
        Map<String, Identity> h = of(head, Policy::identities);
        for (String name : names(b, h)) {
            Identity was = b.get(name);
            Identity is = h.get(name);
            String scope = "identity " + name;
            if (was == null) {
                add(Change.Kind.ADDED, scope, scope, "identity `" + name + "` added with "
                        + count(is.credentials().size(), "credential"), is.spans().name(), false);
            } else if (is == null) {
                add(Change.Kind.REMOVED, scope, scope, "identity `" + name + "` removed", was.spans().name(), true);
                continue;
            } else {
                lifetime(scope, scope, "identity `" + name + "` expires", was.expires(), is.expires(),
                        is.spans().at("expires"));
            }
            credentials(scope, was == null ? Map.of() : was.credentials(), is.credentials());
        }
    }

    private void credentials(String scope, Map<String, Credential> b, Map<String, Credential> h) {
        for (String name : names(b, h)) {
            Credential was = b.get(name);
            Credential is = h.get(name);
            if (is == null) {
                add(Change.Kind.REMOVED, scope, "credential " + was.qualifiedName(), "credential `"
                        + was.qualifiedName() + "` removed", was.spans().name(), true);
                continue;
            }
            String subject = "credential " + is.qualifiedName();
            if (was == null) {
                add(Change.Kind.ADDED, scope, subject, "credential `" + is.qualifiedName() + "` added ("
                        + is.type().name().toLowerCase(java.util.Locale.ROOT) + " issued by `" + is.issuer() + "`)",
                        is.spans().name(), false);
            } else {
                lifetimes(scope, subject, was, is);
                revoker(scope, subject, was, is);
                copies(scope, subject, was, is);
            }
            access(scope, subject, is.qualifiedName(), was == null ? List.of() : pairs(was.grants()),
                    pairs(is.grants()), is.grants().isEmpty() ? is.spans().name() : is.grants().get(0).span());
        }
    }

    private void lifetimes(String scope, String subject, Credential was, Credential is) {
        String q = "`" + is.qualifiedName() + "`";
        duration(scope, subject, "ttl of " + q, was.ttl(), is.ttl(), is.spans().at("ttl"), false);
        lifetime(scope, subject, q + " expires", was.expires(), is.expires(), is.spans().at("expires"));
        duration(scope, subject, "rotation of " + q, was.rotate(), is.rotate(), is.spans().at("rotate"), true);
    }

    /** A null duration is none: no end, or no rotation, which is the longest. */
    private void duration(String scope, String subject, String what, Duration was, Duration is, SourceSpan span,
            boolean rotation) {
        if (Objects.equals(was, is)) {
            return;
        }
        boolean longer = is == null || (was != null && is.compareTo(was) > 0);
        String from = was == null ? (rotation ? "never" : "none") : show(was);
        String to = is == null ? (rotation ? "never" : "none") : show(is);
        add(longer ? Change.Kind.LIFETIME_LONGER : Change.Kind.LIFETIME_SHORTER, scope, subject,
                what + (longer ? " longer: " : " shorter: ") + from + " to " + to, span, false);
    }

    private void lifetime(String scope, String subject, String what, End was, End is, SourceSpan span) {
        if (Objects.equals(was == null ? null : was.instant(), is == null ? null : is.instant())) {
            return;
        }
        boolean later = is == null || (was != null && is.instant().isAfter(was.instant()));
        add(later ? Change.Kind.LIFETIME_LONGER : Change.Kind.LIFETIME_SHORTER, scope, subject,
                what + (later ? " later: " : " earlier: ") + (was == null ? "never" : was.written()) + " to "
                        + (is == null ? "never" : is.written()), span, false);
    }

    private void revoker(String scope, String subject, Credential was, Credential is) {
        boolean couldRevoke = can(base, was.revoker(), Capability.REVOKE);
        boolean canRevoke = can(head, is.revoker(), Capability.REVOKE);
        String q = "`" + is.qualifiedName() + "`";
        if (couldRevoke && !canRevoke) {
            String why = was.revokerDeclared() && !is.revokerDeclared()
                    ? "revoker `" + was.revoker() + "` removed and issuer `" + is.issuer() + "` cannot revoke"
                    : "`" + is.revoker() + "` cannot revoke";
            add(Change.Kind.REVOKER_LOST, scope, subject, "nothing can revoke " + q + " any more: " + why,
                    is.spans().at("revoker"), false);
        } else if (!Objects.equals(was.revoker(), is.revoker())) {
            add(Change.Kind.REVOKER_CHANGED, scope, subject, "revoker of " + q + " changed: `" + was.revoker()
                    + "` to `" + is.revoker() + "`", is.spans().at("revoker"), false);
        }
    }

    private void copies(String scope, String subject, Credential was, Credential is) {
        Set<String> before = values(was.storedIn());
        for (Located s : is.storedIn()) {
            if (!before.contains(s.value())) {
                add(Change.Kind.ACCESS_WIDENED, scope, subject, "`" + is.qualifiedName() + "` now also stored in `"
                        + s.value() + "`", s.span(), false);
            }
        }
        Set<String> after = values(is.storedIn());
        for (Located s : was.storedIn()) {
            if (!after.contains(s.value())) {
                add(Change.Kind.ACCESS_NARROWED, scope, subject, "`" + is.qualifiedName()
                        + "` no longer stored in `" + s.value() + "`", is.spans().name(), false);
            }
        }
    }

    /** One action allowed on one resource, where it was written. */
    private record Pair(String action, String resource, SourceSpan span) {
        boolean covers(Pair o) {
            return Glob.covers(action, o.action) && Glob.covers(resource, o.resource);
        }

        String show() {
            return "`" + action + "` on `" + resource + "`";
        }
    }

    private static List<Pair> pairs(List<Grant> grants) {
        List<Pair> out = new ArrayList<>();
        for (Grant g : grants) {
            List<Located> resources = g.resources().isEmpty() ? List.of(new Located("", g.span())) : g.resources();
            for (Located a : g.actions()) {
                for (Located r : resources) {
                    out.add(new Pair(a.value(), r.value(), a.span()));
                }
            }
        }
        return out;
    }

    private void access(String scope, String subject, String credential, List<Pair> was, List<Pair> is,
            SourceSpan fallback) {
        List<String> widened = new ArrayList<>();
        SourceSpan at = null;
        for (Pair p : is) {
            if (was.stream().noneMatch(w -> w.covers(p))) {
                boolean newWildcard = Glob.hasWildcard(p.action)
                        && was.stream().noneMatch(w -> w.action.equals(p.action))
                        || Glob.hasWildcard(p.resource) && was.stream().noneMatch(w -> w.resource.equals(p.resource));
                if (newWildcard) {
                    add(Change.Kind.WILDCARD_ADDED, scope, subject, "`" + credential + "` now allows " + p.show(),
                            p.span, false);
                } else {
                    widened.add(p.show());
                    at = at == null ? p.span : at;
                }
            }
        }
        if (!widened.isEmpty()) {
            add(Change.Kind.ACCESS_WIDENED, scope, subject, "`" + credential + "` now allows "
                    + String.join(", ", widened), at, false);
        }
        List<String> narrowed = new ArrayList<>();
        for (Pair p : was) {
            if (is.stream().noneMatch(h -> h.covers(p))) {
                narrowed.add(p.show());
            }
        }
        if (!narrowed.isEmpty()) {
            add(Change.Kind.ACCESS_NARROWED, scope, subject, "`" + credential + "` no longer allows "
                    + String.join(", ", narrowed), is.isEmpty() ? fallback : is.get(0).span, false);
        }
    }

    // exceptions, delegations, systems

    private void exceptions() {
        Map<String, ExceptionGrant> b = of(base, Policy::exceptions);
        Map<String, ExceptionGrant> h = of(head, Policy::exceptions);
        for (String name : names(b, h)) {
            ExceptionGrant was = b.get(name);
            ExceptionGrant is = h.get(name);
            String scope = "exception " + name;
            if (is == null) {
                add(Change.Kind.REMOVED, scope, scope, "exception `" + name + "` removed", was.spans().name(), true);
                continue;
            }
            if (was == null) {
                add(is.breakGlass() ? Change.Kind.BREAK_GLASS_ADDED : Change.Kind.ADDED, scope, scope,
                        (is.breakGlass() ? "break-glass exception `" : "exception `") + name + "` added: "
                                + grants(is) + window(is), is.spans().name(), false);
                continue;
            }
            if (is.breakGlass() && !was.breakGlass()) {
                add(Change.Kind.BREAK_GLASS_ADDED, scope, scope, "exception `" + name + "` is now break-glass",
                        is.spans().at("break-glass"), false);
            }
            duration(scope, scope, "window of exception `" + name + "`", was.duration(), is.duration(),
                    is.spans().at("until"), false);
            Set<String> before = principals(was);
            Set<String> after = principals(is);
            if (!before.equals(after)) {
                Set<String> added = new TreeSet<>(after);
                added.removeAll(before);
                Set<String> removed = new TreeSet<>(before);
                removed.removeAll(after);
                if (!added.isEmpty()) {
                    add(Change.Kind.ACCESS_WIDENED, scope, scope, "exception `" + name + "` now grants "
                            + String.join(", ", added), is.spans().name(), false);
                }
                if (!removed.isEmpty()) {
                    add(Change.Kind.ACCESS_NARROWED, scope, scope, "exception `" + name + "` no longer grants "
                            + String.join(", ", removed), is.spans().name(), false);
                }
            }
        }
    }

    private static Set<String> principals(ExceptionGrant e) {
        Set<String> out = new TreeSet<>();
        for (ExceptionGrant.GrantTo g : e.grants()) {
            for (Located p : g.principals()) {
                out.add("`" + g.qualifiedName() + "` to `" + p.value() + "`");
            }
        }
        return out;
    }

    private static String grants(ExceptionGrant e) {
        return String.join(", ", principals(e));
    }

    private static String window(ExceptionGrant e) {
        Duration d = e.duration();
        return d == null ? ", with no end" : " for " + show(d);
    }

    private void delegations() {
        Map<String, Delegation> b = of(base, Policy::delegations);
        Map<String, Delegation> h = of(head, Policy::delegations);
        for (String name : names(b, h)) {
            Delegation was = b.get(name);
            Delegation is = h.get(name);
            String scope = "delegation " + name;
            if (is == null) {
                add(Change.Kind.REMOVED, scope, scope, "delegation `" + name + "` removed", was.spans().name(), true);
            } else if (was == null) {
                add(Change.Kind.ADDED, scope, scope, "delegation `" + name + "` added: `" + is.to()
                        + "` may create " + kinds(is) + " in " + String.join(", ", quoted(values(is.systems()))),
                        is.spans().name(), false);
            } else if (!kinds(was).equals(kinds(is)) || !values(was.systems()).equals(values(is.systems()))
                    || !Objects.equals(was.to(), is.to())) {
                boolean wider = values(is.systems()).containsAll(values(was.systems()))
                        && is.kinds().containsAll(was.kinds());
                add(wider ? Change.Kind.ACCESS_WIDENED : Change.Kind.ACCESS_NARROWED, scope, scope, "delegation `"
                        + name + "` now lets `" + is.to() + "` create " + kinds(is) + " in "
                        + String.join(", ", quoted(values(is.systems()))), is.spans().name(), false);
            }
        }
    }

    private static String kinds(Delegation d) {
        List<String> words = new ArrayList<>();
        d.kinds().forEach(k -> words.add(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return String.join(", ", words);
    }

    private void systems() {
        Map<String, ManagedSystem> b = of(base, Policy::systems);
        Map<String, ManagedSystem> h = of(head, Policy::systems);
        for (String name : names(b, h)) {
            ManagedSystem was = b.get(name);
            ManagedSystem is = h.get(name);
            String scope = "system " + name;
            if (is == null) {
                changes.add(new Change(Change.Kind.REMOVED, scope, scope, "system `" + name + "` removed",
                        was.spans().name(), true, touching(baseFlows, name)));
            } else if (was == null) {
                add(Change.Kind.ADDED, scope, scope, "system `" + name + "` added, can " + caps(is.capabilities()),
                        is.spans().name(), false);
            } else if (!was.capabilities().equals(is.capabilities()) || was.mode() != is.mode()) {
                List<String> parts = new ArrayList<>();
                Set<String> gained = caps(is.capabilities(), was.capabilities());
                Set<String> lost = caps(was.capabilities(), is.capabilities());
                if (!gained.isEmpty()) {
                    parts.add("can now " + String.join(", ", gained));
                }
                if (!lost.isEmpty()) {
                    parts.add("can no longer " + String.join(", ", lost));
                }
                if (was.mode() != is.mode()) {
                    parts.add("mode " + is.mode().name().toLowerCase(java.util.Locale.ROOT));
                }
                Set<String> radius = new TreeSet<>(touching(headFlows, name));
                radius.addAll(touching(baseFlows, name));
                changes.add(new Change(Change.Kind.CAPABILITIES_CHANGED, scope, scope, "system `" + name + "` "
                        + String.join("; ", parts), is.spans().at("can"), false, List.copyOf(radius)));
            }
        }
    }

    /** Every credential whose identity or exception flows have a step on {@code system}. */
    private static List<String> touching(Flows flows, String system) {
        if (flows == null) {
            return List.of();
        }
        Set<String> out = new TreeSet<>();
        for (var flow : flows.all()) {
            for (Step s : flow.steps()) {
                if (system.equals(s.system())) {
                    out.add(s.credential());
                }
            }
        }
        return List.copyOf(out);
    }

    private static String caps(Set<Capability> caps) {
        Set<String> words = new TreeSet<>();
        caps.forEach(c -> words.add(c.word()));
        return words.isEmpty() ? "nothing" : String.join(", ", words);
    }

    private static Set<String> caps(Set<Capability> a, Set<Capability> minus) {
        Set<String> words = new TreeSet<>();
        for (Capability c : a) {
            if (!minus.contains(c)) {
                words.add(c.word());
            }
        }
        return words;
    }

    private static boolean can(Policy p, String system, Capability c) {
        ManagedSystem s = p == null || system == null ? null : p.system(system);
        return s != null && s.can(c);
    }

    private static Set<String> values(List<Located> list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(l -> out.add(l.value()));
        return out;
    }

    private static List<String> quoted(Set<String> names) {
        return names.stream().map(n -> "`" + n + "`").toList();
    }

    /** A duration as the language writes it: the largest whole unit of d, h, m, s. */
    static String show(Duration d) {
        long s = d.getSeconds();
        if (s != 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s != 0 && s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
