package dev.idflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idflow.TestRepo;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.pipeline.Analysis;
import dev.idflow.model.diag.Severity;
import dev.idflow.pipeline.Analyzer;
import dev.idflow.pipeline.Compiler;
import dev.idflow.source.Provenance;
import dev.idflow.target.AwsPolicy;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The limits of the target-constraint checks IDF9xx at their edges. */
class TargetLimitsTest {

    private static final String HEAD = TestRepo.CLOUD_HEAD;

    @ParameterizedTest
    @CsvSource({"59m, 1", "1h, 0", "3600s, 0", "3599s, 1", "12h, 0", "43200s, 0", "43201s, 1", "13h, 1"})
    void awsSessionLifetimeIsOneToTwelveHours(String ttl, int findings) {
        for (String type : List.of("token", "binding")) {
            assertThat(count("IDF901", HEAD + "identity orders-api { kind workload owner platform-team\n"
                    + type + " s { issuer aws-prod ttl " + ttl + " allow \"s3:GetObject\" on \"arn:aws:s3:::b/*\" } }\n"))
                    .as(type + " ttl " + ttl).isEqualTo(findings);
        }
    }

    @ParameterizedTest
    @CsvSource({"59m", "13h"})
    void anAwsAccessKeyIsNoSession(String ttl) {
        assertThat(count("IDF901", HEAD + "identity orders-api { kind workload owner platform-team\n"
                + "secret s { issuer aws-prod ttl " + ttl + " } }\n")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"57, 0", "58, 1"})
    void awsRoleNameIsAtMost64Characters(int nameLength, int findings) {
        String name = "a".repeat(nameLength);
        assertThat(("idflow-" + name).length()).isEqualTo(nameLength + 7);
        assertThat(count("IDF911", HEAD + "identity " + name + " { kind workload owner platform-team\n"
                + "binding s { issuer aws-prod expires 2027-06-30 allow \"s3:GetObject\" on \"arn:aws:s3:::b/*\" } }\n"))
                .isEqualTo(findings);
    }

    @ParameterizedTest
    @CsvSource({"768h, 0", "32d, 0", "769h, 1", "2764801s, 1"})
    void vaultTtlIsAtMost768Hours(String ttl, int findings) {
        assertThat(count("IDF906", HEAD + "identity orders-api { kind workload owner platform-team\n"
                + "token t { issuer vault-main ttl " + ttl + " allow \"read\" on \"secret/data/x/*\" } }\n"))
                .isEqualTo(findings);
    }

    @ParameterizedTest
    @CsvSource({"abcdef, 0", "abcde, 1", "a-----, 0", "abcdefghijabcdefghijabcdefghij, 0",
        "abcdefghijabcdefghijabcdefghijk, 1", "Abcdef, 1", "abc_def, 1", "_abcdef, 1"})
    void gcpDefaultServiceAccountIdIs6To30(String identity, int findings) {
        String credential = "binding b { issuer gcp-data expires 2027-06-30 allow \"roles/bigquery.dataViewer\" }";
        assertThat(count("IDF912", HEAD + "identity " + identity + " { kind workload owner platform-team\n"
                + credential + " }\n")).isEqualTo(findings);
        String withMember = credential.replace("issuer gcp-data",
                "issuer gcp-data member \"serviceAccount:reports@shop-data.iam.gserviceaccount.com\"");
        assertThat(count("IDF912", HEAD + "identity " + identity + " { kind workload owner platform-team\n"
                + withMember + " }\n")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1"})
    void awsPolicyIsAtMost6144Characters(int over, int findings) {
        String prefix = "arn:aws:s3:::";
        int empty = AwsPolicy.size(null, List.of(new AwsPolicy.Statement("S",
                new TreeSet<>(List.of("s3:GetObject")), new TreeSet<>(List.of(prefix)), null, null)));
        String resource = prefix + "b".repeat(AwsPolicy.MANAGED_POLICY_LIMIT - empty + over);
        Analysis a = TestRepo.checkText(HEAD + "identity orders-api { kind workload owner platform-team\n"
                + "token s { issuer aws-prod ttl 1h allow \"s3:GetObject\" on \"" + resource + "\" } }\n");
        assertThat(a.diagnostics()).noneMatch(d -> d.code().startsWith("IDF0"));
        assertThat(a.diagnostics().stream().filter(d -> d.code().equals("IDF902")).count()).isEqualTo(findings);
    }

    /** Twelve actions on each of 30 buckets: one statement per bucket, each listing the twelve actions. */
    private static final String MANY_STATEMENTS = IntStream.range(0, 30)
            .mapToObj(n -> "allow " + String.join(", ", Stream.of("GetObject", "PutObject", "DeleteObject",
                    "GetObjectVersion", "PutObjectAcl", "GetObjectAcl", "AbortMultipartUpload",
                    "ListMultipartUploadParts", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging",
                    "RestoreObject").map(x -> "\"s3:" + x + "\"").toList())
                    + " on \"arn:aws:s3:::bucket-" + n + "/*\"\n")
            .collect(Collectors.joining());

    @Test
    void theSizeJudgedIsThatOfTheStatementsEmittedOnePerSetOfResources() {
        // One statement with every action and every resource would be a fifth of that: the
        // emitted document repeats the actions for each bucket.
        Analysis a = TestRepo.checkText(HEAD + "identity loader { kind pipeline owner platform-team\n"
                + "binding writer { issuer aws-prod ttl 1h\n" + MANY_STATEMENTS + "} }\n");
        assertThat(TestRepo.lines(a)).filteredOn(l -> l.contains("IDF902")).containsExactly("policy.idflow:8:10:"
                + " error[IDF902]: the AWS policy of `loader` at `aws-prod` would have 10128 characters without white"
                + " space, over the managed policy limit of 6144");
        Analysis lowered = Analyzer.analyze(a.sources(), new CheckSettings(TestRepo.NOW,
                Map.of("IDF902", Severity.WARNING)), "", Provenance.directory());
        String emitted = Compiler.emit(lowered, List.of("aws")).files().stream()
                .filter(f -> f.path().equals("aws/aws-prod/loader.json")).findFirst().orElseThrow().text();
        assertThat(emitted.codePoints().filter(c -> !Character.isWhitespace(c)).count()).isEqualTo(10128);
    }

    @Test
    void anExceptionsAwsPolicyIsMeasuredToo() {
        StringBuilder identities = new StringBuilder();
        StringBuilder grants = new StringBuilder();
        for (int n = 0; n < 40; n++) {
            identities.append("identity job-").append(n).append(" { kind pipeline owner platform-team\n")
                    .append("binding writer { issuer aws-prod ttl 1h allow \"s3:PutObject\", \"s3:GetObject\" on ")
                    .append("\"arn:aws:s3:::shop-exports-eu-west-1/job-").append(n).append("/*\" } }\n");
            grants.append("  grant job-").append(n).append(".writer to \"user:oncall@shop.example\"\n");
        }
        Analysis a = TestRepo.checkText(HEAD + identities + "exception restore {\n" + grants
                + "  approver platform-team\n  ticket \"CHG-7\"\n  reason \"restore the exports\"\n"
                + "  from 2027-01-01T00:00:00Z for 24h\n}\n");
        assertThat(TestRepo.lines(a)).filteredOn(l -> l.contains("IDF902")).containsExactly(
                "policy.idflow:88:11: error[IDF902]: the AWS policy of exception `restore` at `aws-prod` would have"
                        + " 11210 characters without white space, over the managed policy limit of 6144");
    }

    private static long count(String code, String policy) {
        Analysis a = TestRepo.checkText(policy);
        assertThat(a.diagnostics()).as("a policy free of language errors").noneMatch(d -> d.code().startsWith("IDF0"));
        return a.diagnostics().stream().map(Diagnostic::code).filter(code::equals).count();
    }
}
