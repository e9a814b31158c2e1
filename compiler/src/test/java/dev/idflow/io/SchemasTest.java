package dev.idflow.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final String CREDENTIAL = "{\"identity\": \"svc\", \"type\": \"token\", \"issuer\": \"vault\", "
            + "\"revoker\": \"vault\", \"monitor\": false, \"not_after\": %s, \"ttl_seconds\": null, \"grants\": []}";

    @Test
    void anEntryIsJudgedByItsMapsSchemaWithLocationsFromTheRoot() {
        assertThat(Schemas.validateEntry("opa-data", "credentials", "svc.api",
                Json.read(CREDENTIAL.formatted("\"2027-01-01T00:00:00Z\"")))).isEmpty();
        assertThat(Schemas.validateEntry("opa-data", "credentials", "svc.api", Json.read(CREDENTIAL.formatted("null"))))
                .isEmpty();
        assertThat(Schemas.validateEntry("opa-data", "credentials", "svc.api",
                Json.read(CREDENTIAL.formatted("\"tomorrow\"")))).as("a $ref into $defs")
                .isNotEmpty().allMatch(p -> p.startsWith("/credentials/svc.api/not_after: "));
        assertThat(Schemas.validateEntry("opa-data", "credentials", "no dot",
                Json.read(CREDENTIAL.formatted("null")))).as("propertyNames").isNotEmpty();
        assertThat(Schemas.validateEntry("plan-lifecycle", "identities", "svc", Json.read("{\"kind\": \"robot\"}")))
                .anyMatch(p -> p.startsWith("/identities/svc/kind: "));
    }

    @Test
    void onlyAMapWhoseEntriesAreJudgedOneByOneIsJudgedByEntry() {
        assertThatThrownBy(() -> Schemas.validateEntry("manifest", "findings", "error", Json.read("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schemas/manifest.schema.json does not judge the entries of `findings` one by one");
    }

    @Test
    void anItemIsJudgedByItsArraysSchema() {
        assertThat(Schemas.itemwise("manifest", "outputs")).isTrue();
        assertThat(Schemas.itemwise("manifest", "findings")).as("an object").isFalse();
        assertThat(Schemas.itemwise("plan-lifecycle", "identities")).as("a map").isFalse();
        String sha = "a".repeat(64);
        assertThat(Schemas.validateItem("manifest", "outputs", Json.read("{\"path\": \"opa/x.json\", \"sha256\": \""
                + sha + "\"}"), "opa/x.json")).isEmpty();
        assertThat(Schemas.validateItem("manifest", "outputs", Json.read("{\"path\": \"../x\", \"sha256\": \""
                + sha + "\"}"), "../x")).isNotEmpty().allMatch(p -> p.startsWith("/outputs/[../x]/path: "));
        assertThat(Schemas.validateItem("manifest", "outputs", Json.read("{\"path\": \"x\", \"sha256\": \"A\"}"),
                "x")).isNotEmpty();
        assertThatThrownBy(() -> Schemas.validateItem("manifest", "findings", Json.read("1"), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schemas/manifest.schema.json does not judge the items of `findings` one by one");
    }
}
