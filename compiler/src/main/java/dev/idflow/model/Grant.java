package dev.idflow.model;

import java.util.List;

/** {@code allow ACTION, ... on RESOURCE, ...}: actions in the issuer's terms on resources. */
public record Grant(List<Located> actions, List<Located> resources, SourceSpan span) {

    public Grant {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
