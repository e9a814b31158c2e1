package dev.idflow.model;

import java.util.List;

/** A revocation owner: who answers for taking an identity's access away. */
public record Owner(String name, List<String> contacts, String escalation, Spans spans) {

    public Owner {
        contacts = List.copyOf(contacts);
    }
}
