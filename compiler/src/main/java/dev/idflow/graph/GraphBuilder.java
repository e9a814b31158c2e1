package dev.idflow.graph;

import dev.idflow.flow.ExceptionFlow;
import dev.idflow.flow.Flow;
import dev.idflow.flow.Flows;
import dev.idflow.flow.Step;
import dev.idflow.model.Credential;
import dev.idflow.model.Event;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Owner;
import dev.idflow.model.Policy;
import dev.idflow.model.Source;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the {@link Graph} of a checked policy from its derived {@link Flows} (never deriving
 * flows again) and labels each incomplete step with the codes of the findings about it.
 *
 * <p>One edge per credential and system gathers the steps of every event shown (for example
 * {@code create: issue, update: reissue}); incomplete steps get edges of their own, one per set
 * of codes, so that a code labels only the steps it explains. The authoritative source of each event
 * is an edge from the deciding system to the identity; owners and approvers are dashed edges.
 */
public final class GraphBuilder {

    /**
     * The codes of the findings that can explain why a step of this action is incomplete (in a
     * suspend flow, IDF103 whatever the action; a step at a monitored system, also IDF208).
     */
    private static final Map<Step.Action, List<String>> CODES = Map.of(
            Step.Action.ISSUE, List.of("IDF104"),
            Step.Action.REISSUE, List.of("IDF104"),
            Step.Action.STORE, List.of("IDF205"),
            Step.Action.SUSPEND, List.of("IDF103"),
            Step.Action.REVOKE, List.of("IDF201", "IDF202"),
            Step.Action.PURGE, List.of("IDF204"),
            Step.Action.ATTACH, List.of("IDF104"),
            Step.Action.DETACH, List.of("IDF201", "IDF202", "IDF405"));
    private static final String MONITOR_CODE = "IDF208";

    private final Policy policy;
    private final List<Diagnostic> findings;
    private final Map<String, Graph.Node> nodes = new LinkedHashMap<>();
    private final Map<String, EdgeBuilder> edges = new LinkedHashMap<>();

    private GraphBuilder(Policy policy, List<Diagnostic> findings) {
        this.policy = policy;
        this.findings = findings;
    }

    /**
     * The graph of a policy free of language errors.
     *
     * @param identity only this identity, its credentials and what they touch; null for all
     * @param event only the flows of this event (and no exceptions); null for every event
     * @throws IllegalArgumentException when the analysis has language errors or names no such identity
     */
    public static Graph build(Analysis analysis, String identity, Event event) {
        if (analysis.policy() == null || analysis.hasLanguageErrors()) {
            throw new IllegalArgumentException("the policy has language errors");
        }
        Policy policy = analysis.policy();
        if (identity != null && !policy.identities().containsKey(identity)) {
            throw new IllegalArgumentException("no identity `" + identity + "` in the policy");
        }
        GraphBuilder b = new GraphBuilder(policy, analysis.diagnostics());
        b.add(Flows.derive(policy), identity, event);
        List<Graph.Edge> edges = b.edges.values().stream().map(EdgeBuilder::build).toList();
        return new Graph(List.copyOf(b.nodes.values()), edges);
    }

    private void add(Flows flows, String only, Event event) {
        if (only == null) {
            policy.systems().values().forEach(this::system);
            policy.owners().values().forEach(this::owner);
        }
        List<Event> events = event == null ? Arrays.asList(Event.values()) : List.of(event);
        for (Identity i : policy.identities().values()) {
            if (only == null || only.equals(i.name())) {
                identity(i, flows, events);
            }
        }
        if (event != null) {
            return;
        }
        for (ExceptionGrant x : policy.exceptions().values()) {
            if (only == null || x.grants().stream().anyMatch(g -> g.identity().equals(only))) {
                exception(x, flows.exception(x.name()));
            }
        }
    }

    private void identity(Identity i, Flows flows, List<Event> events) {
        String id = node(Graph.Kind.IDENTITY, i.name(), i.kind().word());
        if (i.owner() != null && policy.owners().containsKey(i.owner())) {
            edge(owner(policy.owners().get(i.owner())), id, "owns", false, true);
        }
        for (Credential c : i.credentials().values()) {
            String cid = node(Graph.Kind.CREDENTIAL, c.qualifiedName(), c.type().word());
            edge(id, cid, "", false, false);
        }
        Map<String, List<String>> decides = new LinkedHashMap<>();
        for (Event e : events) {
            Source s = i.sources().get(e);
            if (s != null && policy.system(s.system()) != null) {
                decides.computeIfAbsent(s.system(), k -> new ArrayList<>()).add(e.word());
            }
        }
        decides.forEach((system, words) ->
                edge(system(policy.system(system)), id, "source " + String.join(", ", words), false, true));
        for (Event e : events) {
            Flow flow = flows.flow(i.name(), e);
            for (Step step : flow.steps()) {
                step(Graph.id(Graph.Kind.CREDENTIAL, step.credential()), e, step, step.credential());
            }
        }
    }

    private void exception(ExceptionGrant x, ExceptionFlow flow) {
        String id = node(Graph.Kind.EXCEPTION, x.name(), x.breakGlass() ? "break-glass exception" : "exception");
        if (x.approver() != null && policy.owners().containsKey(x.approver())) {
            edge(owner(policy.owners().get(x.approver())), id, "approves", false, true);
        }
        for (ExceptionGrant.GrantTo g : x.grants()) {
            String cid = Graph.id(Graph.Kind.CREDENTIAL, g.qualifiedName());
            if (nodes.containsKey(cid)) {
                List<String> to = g.principals().stream().map(p -> p.value()).toList();
                edge(id, cid, "grants to " + String.join(", ", to), false, true);
            }
        }
        for (Step step : flow.attach()) {
            step(id, null, step, x.name());
        }
        for (Step step : flow.detach()) {
            step(id, null, step, x.name());
        }
    }

    private void step(String from, Event event, Step step, String subject) {
        ManagedSystem system = step.system() == null ? null : policy.system(step.system());
        if (system == null) {
            return;
        }
        String to = system(system);
        boolean incomplete = !step.complete();
        Set<String> codes = incomplete ? codes(event, step, subject) : Set.of();
        String key = "step\u0000" + from + "\u0000" + to + "\u0000" + incomplete + "\u0000" + codes;
        EdgeBuilder e = edges.computeIfAbsent(key, k -> new EdgeBuilder(from, to, incomplete, false));
        e.parts.add((event == null ? "" : event.word() + ": ") + step.action().word());
        e.codes.addAll(codes);
    }

    /** The codes of the findings about {@code subject} that explain why the step is incomplete. */
    private Set<String> codes(Event event, Step step, String subject) {
        List<String> wanted = new ArrayList<>(event == Event.SUSPEND ? List.of("IDF103")
                : CODES.getOrDefault(step.action(), List.of()));
        if (step.monitored()) {
            wanted.add(MONITOR_CODE);
        }
        Set<String> found = new TreeSet<>();
        for (Diagnostic d : findings) {
            if (wanted.contains(d.code()) && Arrays.asList(d.subject().split(" ")).contains(subject)) {
                found.add(d.code());
            }
        }
        return found;
    }

    private String system(ManagedSystem s) {
        return node(Graph.Kind.SYSTEM, s.name(), s.kind().word() + (s.monitored() ? ", mode monitor" : ""));
    }

    private String owner(Owner o) {
        return node(Graph.Kind.OWNER, o.name(), "owner");
    }

    private String node(Graph.Kind kind, String name, String detail) {
        String id = Graph.id(kind, name);
        nodes.computeIfAbsent(id, k -> new Graph.Node(k, kind, List.of(name, detail)));
        return id;
    }

    private void edge(String from, String to, String label, boolean incomplete, boolean dashed) {
        String key = "relation\u0000" + from + "\u0000" + to + "\u0000" + label;
        edges.computeIfAbsent(key, k -> new EdgeBuilder(from, to, incomplete, dashed)).parts.add(label);
    }

    /** An edge being gathered: the steps (or the one relation) it stands for, and the codes found. */
    private static final class EdgeBuilder {
        final String from;
        final String to;
        final boolean incomplete;
        final boolean dashed;
        final Set<String> parts = new LinkedHashSet<>();
        final Set<String> codes = new TreeSet<>();

        EdgeBuilder(String from, String to, boolean incomplete, boolean dashed) {
            this.from = from;
            this.to = to;
            this.incomplete = incomplete;
            this.dashed = dashed;
        }

        Graph.Edge build() {
            String label = String.join(", ", parts);
            if (incomplete) {
                label += codes.isEmpty() ? " [incomplete]" : " [" + String.join(", ", codes) + "]";
            }
            return new Graph.Edge(from, to, label, incomplete, dashed);
        }
    }
}
