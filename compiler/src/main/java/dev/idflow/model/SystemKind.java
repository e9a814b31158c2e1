package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** The kind of a system, which decides which target files it gets. */
public enum SystemKind {
    AWS_IAM("aws-iam"),
    GCP_IAM("gcp-iam"),
    VAULT("vault"),
    OPA("opa"),
    IDP("idp"),
    ITSM("itsm"),
    CI("ci"),
    KUBERNETES("kubernetes"),
    SAAS("saas"),
    APP("app");

    private final String word;

    SystemKind(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static SystemKind parse(String word) {
        for (SystemKind v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(SystemKind::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
