package dev.idflow.model;

import java.util.Arrays;
import java.util.List;

/** The type of a credential, each its own lifecycle object. */
public enum CredentialType {
    SECRET("secret"),
    TOKEN("token"),
    CERTIFICATE("certificate"),
    KEY("key"),
    BINDING("binding");

    private final String word;

    CredentialType(String word) {
        this.word = word;
    }

    /** The word as written in policies. */
    public String word() {
        return word;
    }

    /** The value written as {@code word}, or null when there is none. */
    public static CredentialType parse(String word) {
        for (CredentialType v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        return null;
    }

    /** Every word, in declaration order, for messages that list what is allowed. */
    public static List<String> words() {
        return Arrays.stream(values()).map(CredentialType::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
