package dev.idflow.source;

import java.time.Instant;

/**
 * Where a policy was read from, for the manifest and for "now": {@code directory} or
 * {@code git}; for Git the repository as given (never an absolute local path), the ref,
 * the full commit id, its commit time and whether the working tree was dirty.
 */
public record Provenance(String kind, String repository, String ref, String commit, Instant commitTime,
        Boolean dirty) {

    public static Provenance directory() {
        return new Provenance("directory", null, null, null, null, null);
    }

    public boolean isGit() {
        return "git".equals(kind);
    }
}
