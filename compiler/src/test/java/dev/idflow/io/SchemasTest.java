package dev.idflow.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemasTest {

    @Test
    void theStreamedMapsOfThePlanAndOfOpaDataAreJudgedEntryByEntry() {
        assertThat(Schemas.entrywise("plan-lifecycle", "identities")).isTrue();
        assertThat(Schemas.entrywise("plan-lifecycle", "exceptions")).isTrue();
        assertThat(Schemas.entrywise("opa-data", "identities")).isTrue();
        assertThat(Schemas.entrywise("opa-data", "credentials")).isTrue();
        assertThat(Schemas.entrywise("opa-data", "exceptions")).isTrue();
    }

    @Test
    void aFieldThatIsNoMapOrAMapWithRulesAcrossItsEntriesIsNot() {
        assertThat(Schemas.entrywise("plan-lifecycle", "policy")).as("a string").isFalse();
        assertThat(Schemas.entrywise("plan-lifecycle", "missing")).isFalse();
        assertThat(Schemas.entrywise("manifest", "findings")).as("required keys").isFalse();
        assertThat(Schemas.entrywise("manifest", "outputs")).as("an array").isFalse();
        assertThat(Schemas.entrywise("gcp-policy", "bindings")).as("a root that is an array").isFalse();
    }
}
