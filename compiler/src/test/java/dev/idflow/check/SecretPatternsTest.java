package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The patterns of IDF601 exactly as CHECKS.md gives them, at their edges. */
class SecretPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPLE",
        "key ASIAY34FZKBOKMUTVV7A in a sentence",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----",
        "the -----BEGIN OPENSSH PRIVATE KEY----- header alone",
        "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghs_abcdefghij",
        "github_pat_11ABCDEFG0abcdefghij",
        "glpat-xxxxxxxxxxxxxxxxxxxx",
        "xoxa-1234567890", "xoxb-1234567890-abc", "xoxp-1234567890", "xoxr-1234567890", "xoxs-1234567890",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvcnRzIn0.c2lnbmF0dXJl",
        "bootstrap k3Jd9XqLm2Vb7NpT4wZr8YcHs6GfAe1UoPiQ5xRt"})
    void findsSecrets(String text) {
        assertThat(SecretPatterns.find(text)).as(text).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPL",            // 15 after the prefix
        "AKIA1OSFODNN7EXAMPLE",           // 1 is not in [A-Z2-7]
        "akiaiosfodnn7example",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----",
        "BEGIN RSA PRIVATE KEY",
        "tokens start with ghp_ or glpat-",
        "ghp_short",
        "xoxc-1234567890",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBvcnRzIn0",
        "abc.def.ghi",
        "arn:aws:s3:::shop-datalake-raw-eu-west-1/source=orders/country=de/*",
        "serviceAccount:etl-runner@shop-data.iam.gserviceaccount.com",
        "https://vault.shop.example",
        "restore the payments bucket after the failed migration"})
    void leavesOrdinaryStringsAlone(String text) {
        assertThat(SecretPatterns.find(text)).as(text).isNull();
    }

    @Test
    void entropyIsShannonInBitsPerCharacter() {
        assertThat(SecretPatterns.entropy("aaaa")).isEqualTo(0.0);
        assertThat(SecretPatterns.entropy("abab")).isEqualTo(1.0);
        assertThat(SecretPatterns.entropy(distinct(32))).isEqualTo(5.0);
    }

    @Test
    void entropyBoundaryIsFourAndAHalfBitsInclusive() {
        // 8 symbols twice and 16 once: 32 characters, exactly 2.0 + 2.5 = 4.5 bits per character
        String atLimit = twice(8, 0) + distinct(16, 8);
        // 9 symbols twice and 14 once: 32 characters, 2.25 + 2.1875 = 4.4375 bits per character
        String below = twice(9, 0) + distinct(14, 9);
        assertThat(atLimit).hasSize(32);
        assertThat(below).hasSize(32);
        assertThat(SecretPatterns.entropy(atLimit)).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SecretPatterns.find(atLimit)).isEqualTo("a long high-entropy string");
        assertThat(SecretPatterns.find(below)).isNull();
    }

    @Test
    void aRunNeedsTwentyThreeDistinctCharactersToReachTheLimit() {
        // log2(23) = 4.52: 23 symbols twice each is a secret; log2(22) = 4.46: 22 never are
        assertThat(SecretPatterns.find(twice(23, 0))).isEqualTo("a long high-entropy string");
        assertThat(SecretPatterns.find(twice(22, 0) + twice(22, 0))).isNull();
    }

    @Test
    void findAgreesWithTheEntropyRuleAppliedToEveryRun() {
        java.util.Random random = new java.util.Random(601);
        // no upper case, `g` or `x`: no AKIA, ASIA, eyJ, ghp_, glpat- or xox prefix can occur by chance
        String alphabet = "abcdefhijklmnopqrstuvwyz0123456789+/=_-";
        java.util.regex.Pattern run = java.util.regex.Pattern.compile("[A-Za-z0-9+/=_-]{32,}");
        int secrets = 0;
        for (int n = 0; n < 5000; n++) {
            int size = 18 + random.nextInt(alphabet.length() - 17);
            StringBuilder b = new StringBuilder();
            for (int i = 32 + random.nextInt(60); i > 0; i--) {
                b.append(random.nextInt(30) == 0 ? ':' : alphabet.charAt(random.nextInt(size)));
            }
            String text = b.toString();
            boolean expected = run.matcher(text).results()
                    .anyMatch(m -> SecretPatterns.entropy(m.group()) >= SecretPatterns.ENTROPY_MIN);
            secrets += expected ? 1 : 0;
            assertThat(SecretPatterns.find(text) != null).as(text).isEqualTo(expected);
        }
        assertThat(secrets).as("both outcomes are exercised").isBetween(500, 4500);
    }

    @Test
    void entropyRunIsAtLeast32CharactersOfTheTokenAlphabet() {
        assertThat(SecretPatterns.find(distinct(32))).isNotNull();
        assertThat(SecretPatterns.find(distinct(31))).isNull();
        // a colon breaks the run into two short ones
        assertThat(SecretPatterns.find(distinct(20) + ":" + distinct(20))).isNull();
        // + / = _ - belong to the alphabet
        assertThat(SecretPatterns.find(distinct(27) + "+/=_-")).isNotNull();
    }

    @Test
    void shownMasksOnlySecrets() {
        assertThat(SecretPatterns.shown("AKIAIOSFODNN7EXAMPLE")).isEqualTo("****");
        assertThat(SecretPatterns.shown("s3:GetObject")).isEqualTo("s3:GetObject");
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static String distinct(int n) {
        return distinct(n, 0);
    }

    private static String distinct(int n, int from) {
        return ALPHABET.substring(from, from + n);
    }

    private static String twice(int n, int from) {
        StringBuilder b = new StringBuilder();
        for (char c : distinct(n, from).toCharArray()) {
            b.append(c).append(c);
        }
        return b.toString();
    }
}
