package dev.idflow.check;

import dev.idflow.flow.Flows;
import dev.idflow.model.Policy;
import dev.idflow.model.diag.Codes;
import dev.idflow.model.diag.Diagnostic;
import dev.idflow.model.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the lifecycle checks IDF1xx-IDF9xx on a policy free of language errors and settles
 * each finding's severity in the order of CHECKS.md: the default, then the configuration,
 * then {@code mode monitor} lowering, then a waiver.
 *
 * <p>{@link #CHECKS} is the one explicit registry of rules: no class-path scanning.
 */
public final class Checker {

    /** Every lifecycle check, in code order. */
    static final List<Check> CHECKS = List.of(
            new NoSource(),
            new SourceCannotApprove(),
            new SuspendImpossible(),
            new ManualIssuing(),
            new NoRevoker(),
            new RevokerCannotRevoke(),
            new RevokerNotIssuer(),
            new CopyNotPurged(),
            new StoreCannotStore(),
            new NoOwner(),
            new NoIdentityEnd(),
            new MonitoredSteps(),
            new NoCredentialEnd(),
            new LifetimeOverMax(),
            new RotationMissing(),
            new EndOnlyOnPaper(),
            new IssuerCannotRotate(),
            new AlreadyExpired(),
            new OutlivesIdentity(),
            new ExceptionWithoutEnd(),
            new ExceptionTooLong(),
            new ExceptionWithoutEvidence(),
            new ExceptionEnded(),
            new ExceptionEndNotEnforced(),
            new HumanPrincipal(),
            new SelfApproval(),
            new WildcardAction(),
            new WildcardResource(),
            new CrossEnvironment(),
            new SharedPrincipal(),
            new EmptyBinding(),
            new SecretInString(),
            new NoReconciliation(),
            new ReconcilerCannotAudit(),
            new DelegatedCannotRevoke(),
            new RareReconciliation(),
            new UnusedSystem(),
            new MonitoredSystem(),
            new AwsSessionLifetime(),
            new AwsPolicyTooLarge(),
            new AwsSyntax(),
            new GcpRoleName(),
            new VaultCapability(),
            new VaultTtl(),
            new GcpConditionRefused(),
            new VaultTemplateSyntax(),
            new VaultPathWildcard(),
            new GcpResourceWildcard(),
            new AwsRoleName(),
            new GcpServiceAccountId());

    private Checker() {
    }

    /** The metadata of every lifecycle rule, in registry order. */
    static List<RuleInfo> infos() {
        List<RuleInfo> all = new ArrayList<>();
        CHECKS.forEach(c -> all.add(c.info()));
        all.addAll(WaiverRules.INFOS);
        return all;
    }

    /**
     * The findings of every check, settled, in registry order. Checks read an immutable policy
     * and report into a context of their own, so they run in parallel; the result does not
     * depend on how they were scheduled.
     */
    public static List<Diagnostic> run(Policy policy, CheckSettings settings) {
        return run(policy, Flows.derive(policy), settings);
    }

    /** {@link #run(Policy, CheckSettings)} on flows already derived from {@code policy}. */
    public static List<Diagnostic> run(Policy policy, Flows flows, CheckSettings settings) {
        return run(policy, flows, settings, true);
    }

    /**
     * {@link #run(Policy, Flows, CheckSettings)} with every check on the calling thread: the same
     * findings, for when other work already takes the other cores (compile's emitters). Checks
     * spread over the cores as well would only make more threads than cores share them (10,000
     * identities: 0.17 s more CPU per compile).
     */
    public static List<Diagnostic> runOnThisThread(Policy policy, Flows flows, CheckSettings settings) {
        return run(policy, flows, settings, false);
    }

    private static List<Diagnostic> run(Policy policy, Flows flows, CheckSettings settings, boolean parallel) {
        List<Targets.Issued> issued = Targets.all(policy);
        List<List<Finding>> perCheck = (parallel ? CHECKS.parallelStream() : CHECKS.stream()).map(check -> {
            CheckContext ctx = new CheckContext(settings.now(), flows, issued, check.info());
            check.run(policy, ctx);
            return ctx.findings();
        }).toList();
        // settling records which waivers matched (for IDF803/IDF804): one thread, registry order
        WaiverRules waivers = new WaiverRules(settings.now());
        List<Diagnostic> out = new ArrayList<>();
        for (List<Finding> findings : perCheck) {
            for (Finding f : findings) {
                out.add(settle(policy, f, settings.severities(), waivers));
            }
        }
        out.addAll(waivers.about(policy, settings.severities()));
        return out;
    }

    private static Diagnostic settle(Policy policy, Finding f, Map<String, Severity> overrides,
            WaiverRules waivers) {
        Diagnostic d = f.toDiagnostic();
        Severity s = d.severity();
        if (!Codes.fixedSeverity(d.code()) && overrides.containsKey(d.code())) {
            s = overrides.get(d.code());
        }
        if (f.monitored() && s == Severity.ERROR) {
            s = Severity.WARNING;
        }
        if (waivers.waives(policy, f)) {
            s = Severity.INFO;
        }
        return d.withSeverity(s);
    }
}
