package dev.idflow.flow;

import dev.idflow.model.Capability;

/**
 * One step of a lifecycle flow: the system that must act, the capability it needs, the
 * credential it acts on ({@code identity.credential}), what the step is for, and whether
 * the system can do it by API ({@code can}) and is orchestrated ({@code monitored} false).
 */
public record Step(String system, Capability capability, String credential, Action action, boolean can,
        boolean monitored) {

    /** What a step does, in the words of the plan. */
    public enum Action {
        ISSUE("issue"), STORE("store"), REISSUE("reissue"), SUSPEND("suspend"), REVOKE("revoke"),
        PURGE("purge"), ATTACH("attach"), DETACH("detach");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** True when the system can carry out the step and is in {@code mode enforce}. */
    public boolean complete() {
        return can && !monitored;
    }
}
