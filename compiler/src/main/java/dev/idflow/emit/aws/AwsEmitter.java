package dev.idflow.emit.aws;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.EmitSupport;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.FileSink;
import dev.idflow.emit.OutputException;
import dev.idflow.io.Json;
import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Identity;
import dev.idflow.model.ManagedSystem;
import dev.idflow.model.Policy;
import dev.idflow.model.SystemKind;
import dev.idflow.model.Values;
import dev.idflow.target.AwsPolicy;
import dev.idflow.target.AwsRole;
import dev.idflow.target.ExceptionsAt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS IAM (TARGETS.md): for every system of kind {@code aws-iam} in {@code mode enforce},
 * an identity policy and a role per identity, and an exception policy per exception that
 * grants one of its credentials.
 */
public final class AwsEmitter implements Emitter {

    @Override
    public String target() {
        return "aws";
    }

    @Override
    public String schema(String path) {
        return path.endsWith(".role.json") ? "aws-role" : path.endsWith(".json") ? "aws-policy" : null;
    }

    @Override
    public void emit(EmitInput input, FileSink out) throws OutputException {
        Policy policy = input.policy();
        Map<String, List<ExceptionGrant>> exceptionsAt = ExceptionsAt.bySystem(policy);
        for (Map.Entry<ManagedSystem, List<EmitSupport.Issued>> entry
                : EmitSupport.issuedByEnforced(policy, SystemKind.AWS_IAM).entrySet()) {
            ManagedSystem system = entry.getKey();
            String dir = "aws/" + EmitSupport.segment(system.name()) + "/";
            for (EmitSupport.Issued issued : entry.getValue()) {
                Identity identity = issued.identity();
                List<Credential> credentials = issued.credentials();
                String base = dir + EmitSupport.segment(identity.name());
                List<AwsPolicy.Statement> statements = AwsPolicy.identityStatements(policy, credentials);
                if (!statements.isEmpty()) {
                    out.put(EmitSupport.json(base + ".json", "aws-policy", document(null, statements)));
                }
                if (AwsRole.written(statements, credentials)) {
                    out.put(EmitSupport.json(base + ".role.json", "aws-role",
                            role(identity, credentials, input.revision())));
                }
            }
            for (ExceptionGrant exception : exceptionsAt.getOrDefault(system.name(), List.of())) {
                List<AwsPolicy.Statement> statements =
                        AwsPolicy.exceptionStatements(policy, exception, system.name());
                if (!statements.isEmpty()) {
                    String path = dir + "exceptions/" + EmitSupport.segment(exception.name()) + ".json";
                    out.put(EmitSupport.json(path, "aws-policy",
                            document(AwsPolicy.exceptionId(exception), statements)));
                }
            }
        }
    }

    /** The document of {@link AwsPolicy}, as the tree that is written. */
    private static ObjectNode document(String id, List<AwsPolicy.Statement> statements) {
        ObjectNode doc = Json.object();
        doc.put("Version", AwsPolicy.VERSION);
        if (id != null) {
            doc.put("Id", id);
        }
        ArrayNode array = doc.putArray("Statement");
        for (AwsPolicy.Statement s : statements) {
            array.add(statement(s));
        }
        return doc;
    }

    private static ObjectNode statement(AwsPolicy.Statement statement) {
        ObjectNode s = Json.object();
        s.put("Sid", statement.sid());
        s.put("Effect", "Allow");
        ArrayNode action = s.putArray("Action");
        statement.actions().forEach(action::add);
        ArrayNode resource = s.putArray("Resource");
        statement.resources().forEach(resource::add);
        if (statement.notBefore() != null || statement.notAfter() != null) {
            ObjectNode condition = s.putObject("Condition");
            if (statement.notBefore() != null) {
                condition.set("DateGreaterThanEquals", currentTime(statement.notBefore()));
            }
            if (statement.notAfter() != null) {
                condition.set("DateLessThan", currentTime(statement.notAfter()));
            }
        }
        return s;
    }

    private static ObjectNode currentTime(Instant t) {
        ObjectNode o = Json.object();
        o.put("aws:CurrentTime", Values.rfc3339(t));
        return o;
    }

    private static ObjectNode role(Identity identity, List<Credential> credentials, String revision) {
        ObjectNode role = Json.object();
        role.put("RoleName", AwsRole.name(identity.name()));
        role.put("MaxSessionDuration", AwsRole.maxSessionSeconds(credentials));
        ArrayNode tags = role.putArray("Tags");
        tag(tags, "idflow:identity", identity.name());
        tag(tags, "idflow:owner", identity.owner());
        tag(tags, "idflow:revision", revision);
        return role;
    }

    private static void tag(ArrayNode tags, String key, String value) {
        ObjectNode tag = tags.addObject();
        tag.put("Key", key);
        tag.put("Value", value);
    }
}
