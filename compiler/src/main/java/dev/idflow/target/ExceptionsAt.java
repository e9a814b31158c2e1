package dev.idflow.target;

import dev.idflow.model.Credential;
import dev.idflow.model.ExceptionGrant;
import dev.idflow.model.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exceptions of a policy by the systems whose files they can change: those that issue a
 * credential one of their grants names. A target writes an exception's files at a system only
 * from such grants, so it need not ask every system about every exception.
 */
public final class ExceptionsAt {

    private ExceptionsAt() {
    }

    /**
     * For each system name, the exceptions (in the policy's order, each once) with a grant of a
     * credential that system issues. A system that issues none of the granted credentials is
     * absent.
     */
    public static Map<String, List<ExceptionGrant>> bySystem(Policy policy) {
        Map<String, List<ExceptionGrant>> out = new HashMap<>();
        for (ExceptionGrant exception : policy.exceptions().values()) {
            for (ExceptionGrant.GrantTo grant : exception.grants()) {
                Credential c = policy.credential(grant.identity(), grant.credential());
                if (c == null || c.issuer() == null) {
                    continue;
                }
                List<ExceptionGrant> at = out.computeIfAbsent(c.issuer(), k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != exception) {
                    at.add(exception);
                }
            }
        }
        return out;
    }
}
