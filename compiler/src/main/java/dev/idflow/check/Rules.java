package dev.idflow.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of every rule's metadata, by code: one explicit list, no class-path scanning. */
public final class Rules {

    private static final Map<String, RuleInfo> BY_CODE = index();

    private Rules() {
    }

    private static Map<String, RuleInfo> index() {
        List<RuleInfo> all = new ArrayList<>(LanguageRules.ALL);
        all.addAll(Checker.infos());
        Map<String, RuleInfo> map = new TreeMap<>();
        for (RuleInfo r : all) {
            if (map.put(r.code(), r) != null) {
                throw new IllegalStateException("two rules for " + r.code());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The rule of {@code code}, or null. */
    public static RuleInfo get(String code) {
        return BY_CODE.get(code);
    }

    /** Every rule, sorted by code. */
    public static List<RuleInfo> all() {
        return List.copyOf(BY_CODE.values());
    }
}
