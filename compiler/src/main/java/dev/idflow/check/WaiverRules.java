package dev.idflow.check;

import dev.idflow.model.Credential;
import dev.idflow.model.Identity;
import dev.idflow.model.Policy;
import dev.idflow.model.Waiver;
import dev.idflow.model.diag.Codes;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Messages;
import dev.idflow.model.diag.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waivers: which findings a waiver lowers to info (those of its code at the place it stands
 * and in the blocks nested in it, until its date), and the findings about waivers
 * themselves: IDF803 (ended, the finding is back), IDF804 (stale) and IDF805 (invalid).
 */
final class WaiverRules {

    static final RuleInfo IDF803 = new RuleInfo("IDF803", "Waiver ended", Severity.INFO, "", "",
            "A waiver has ended and the finding it lowered is back at its own severity.",
            "A waiver always has an end. After its date the finding it named is reported again at its "
                    + "settled severity; this note points at the waiver so that it can be renewed with a new "
                    + "reason or, better, the finding fixed and the waiver removed.");
    static final RuleInfo IDF804 = new RuleInfo("IDF804", "Stale waiver", Severity.WARNING, "", "",
            "A waiver names a code that is not found where it stands.",
            "A waiver that lowers nothing hides nothing today but would silently hide a future finding of "
                    + "that code. Remove it once the finding it was written for is fixed.");
    static final RuleInfo IDF805 = new RuleInfo("IDF805", "Invalid waiver", Severity.ERROR, "", "",
            "A waiver without a reason or an end, or on a language code IDF0xx.",
            "Every waiver is a recorded risk decision: it needs a reason and an end date. Language errors "
                    + "(IDF0xx) can never be waived, because a policy with one cannot be compiled at all.");

    static final List<RuleInfo> INFOS = List.of(IDF803, IDF804, IDF805);

    private final Instant now;
    /** Per waiver, whether a finding of its code stood in its scope, and whether it was ended then. */
    private final Map<Waiver, Boolean> matched = new IdentityHashMap<>();
    private final Map<Waiver, Boolean> endedWithFinding = new IdentityHashMap<>();

    WaiverRules(Instant now) {
        this.now = now;
    }

    static boolean invalid(Waiver w) {
        return w.reason() == null || w.reason().isBlank() || w.end() == null || w.code().startsWith("IDF0");
    }

    /** True when a valid, unexpired waiver in the finding's scope names its code. */
    boolean waives(Policy policy, Finding f) {
        boolean waived = false;
        for (Waiver w : scope(policy, f)) {
            if (invalid(w) || !w.code().equals(f.rule().code()) || f.rule().code().equals("IDF805")) {
                continue;
            }
            matched.put(w, true);
            if (now.isBefore(w.end().instant())) {
                waived = true;
            } else {
                endedWithFinding.put(w, true);
            }
        }
        return waived;
    }

    private static List<Waiver> scope(Policy policy, Finding f) {
        List<Waiver> list = new ArrayList<>();
        if (f.identity() == null) {
            return list;
        }
        Identity i = policy.identities().get(f.identity());
        if (i == null) {
            return list;
        }
        list.addAll(i.waivers());
        if (f.credential() != null) {
            Credential c = i.credentials().get(f.credential());
            if (c != null) {
                list.addAll(c.waivers());
            }
        }
        return list;
    }

    /** The findings about the waivers themselves, once every other finding was settled. */
    List<Diagnostic> about(Policy policy, Map<String, Severity> overrides) {
        List<Diagnostic> out = new ArrayList<>();
        for (Identity i : policy.identities().values()) {
            for (Waiver w : i.waivers()) {
                judge(w, "identity " + i.name(), overrides, out);
            }
            for (Credential c : i.credentials().values()) {
                for (Waiver w : c.waivers()) {
                    judge(w, "credential " + c.qualifiedName(), overrides, out);
                }
            }
        }
        return out;
    }

    private void judge(Waiver w, String place, Map<String, Severity> overrides, List<Diagnostic> out) {
        String subject = "waiver " + w.code() + " " + place;
        if (invalid(w)) {
            String why = w.code().startsWith("IDF0") ? Messages.format("IDF805.language", w.code())
                    : w.reason() == null || w.reason().isBlank() ? Messages.format("IDF805.reason", w.code())
                    : Messages.format("IDF805.end", w.code());
            out.add(new Diagnostic("IDF805", Severity.ERROR, w.span(), why, null, List.of(), subject));
            return;
        }
        if (endedWithFinding.getOrDefault(w, false)) {
            out.add(new Diagnostic("IDF803", overrides.getOrDefault("IDF803", IDF803.severity()), w.span(),
                    Messages.format("IDF803.ended", w.code(), place, w.until().toString()), null, List.of(),
                    subject));
            return;
        }
        if (!matched.getOrDefault(w, false) && Codes.known(w.code())) {
            out.add(new Diagnostic("IDF804", overrides.getOrDefault("IDF804", IDF804.severity()), w.span(),
                    Messages.format("IDF804.stale", w.code(), place), "remove the waiver", List.of(), subject));
        }
    }
}
