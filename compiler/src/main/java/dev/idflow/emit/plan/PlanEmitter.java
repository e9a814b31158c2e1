package dev.idflow.emit.plan;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import dev.idflow.emit.StreamedJson;
import dev.idflow.flow.ExceptionFlow;
import dev.idflow.flow.Flow;
import dev.idflow.flow.Step;
import dev.idflow.io.Json;
import dev.idflow.model.Event;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.Located;
import dev.idflow.model.Owner;
import dev.idflow.model.Policy;
import dev.idflow.model.Values;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code plan/lifecycle.json}, the orchestration plan: for every identity its revocation
 * owner and the derived flow of each event; for every exception its principals and the steps
 * at its start and at its end. Read from {@link dev.idflow.flow.Flows}, never re-derived.
 */
public final class PlanEmitter implements Emitter {

    public static final String PATH = "plan/lifecycle.json";

    @Override
    public String target() {
        return "plan";
    }

    @Override
    public String schema(String path) {
        return PATH.equals(path) ? "plan-lifecycle" : null;
    }

    @Override
    public void emit(EmitInput input, FileSink out) throws OutputException {
        Policy policy = input.policy();
        ObjectNode skeleton = Json.object();
        skeleton.put("policy", policy.name());
        skeleton.putObject("identities");
        skeleton.putObject("exceptions");
        StreamedJson plan = new StreamedJson(PATH, skeleton, out);
        for (Identity identity : policy.identities().values()) {
            plan.entry("identities", identity.name(), identity(policy, identity, input.flows().of(identity.name())));
        }
        for (ExceptionGrant ex : policy.exceptions().values()) {
            plan.entry("exceptions", ex.name(), exception(ex, input.flows().exception(ex.name())));
        }
        plan.finish();
    }

    private static ObjectNode identity(Policy policy, Identity identity, Map<Event, Flow> flows) {
        ObjectNode node = Json.object();
        node.put("kind", identity.kind().word());
        node.set("owner", owner(identity.owner(), policy.owners().get(identity.owner())));
        node.put("not_after", identity.expires() == null ? null : Values.rfc3339(identity.expires().instant()));
        ObjectNode events = node.putObject("events");
        for (Event e : Event.values()) {
            Flow flow = flows.get(e);
            ObjectNode f = events.putObject(e.word());
            f.put("source", flow.source() == null ? null : flow.source().system());
            f.put("complete", flow.complete());
            f.set("steps", steps(flow.steps()));
        }
        return node;
    }

    private static ObjectNode owner(String name, Owner owner) {
        ObjectNode node = Json.object();
        node.put("name", name);
        ArrayNode contacts = node.putArray("contacts");
        if (owner != null) {
            owner.contacts().forEach(contacts::add);
        }
        node.put("escalation", owner == null ? null : owner.escalation());
        return node;
    }

    private static ObjectNode exception(ExceptionGrant ex, ExceptionFlow flow) {
        ObjectNode node = Json.object();
        TreeSet<String> principals = new TreeSet<>();
        ArrayNode grants = Json.array();
        for (ExceptionGrant.GrantTo g : ex.grants()) {
            ObjectNode grant = grants.addObject();
            grant.put("credential", g.qualifiedName());
            ArrayNode ps = grant.putArray("principals");
            for (Located p : g.principals()) {
                ps.add(p.value());
                principals.add(p.value());
            }
        }
        ArrayNode all = node.putArray("principals");
        principals.forEach(all::add);
        node.set("grants", grants);
        node.put("from", ex.from() == null ? null : Values.rfc3339(ex.from()));
        node.put("until", ex.until() == null ? null : Values.rfc3339(ex.until()));
        node.put("break_glass", ex.breakGlass());
        node.put("approver", ex.approver());
        node.put("complete", flow.complete());
        node.set("at_from", steps(flow.attach()));
        node.set("at_end", steps(flow.detach()));
        return node;
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode array = Json.array();
        for (Step s : steps) {
            ObjectNode step = array.addObject();
            step.put("action", s.action().word());
            step.put("system", s.system());
            step.put("capability", s.capability().word());
            step.put("credential", s.credential());
            step.put("can", s.can());
            step.put("monitor", s.monitored());
        }
        return array;
    }
}
