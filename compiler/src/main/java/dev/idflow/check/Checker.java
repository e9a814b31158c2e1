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

    /** The findings of every check, settled, in no particular order. */
    public static List<Diagnostic> run(Policy policy, CheckSettings settings) {
        CheckContext ctx = new CheckContext(settings.now(), Flows.derive(policy));
        for (Check check : CHECKS) {
            ctx.startRule(check.info());
            check.run(policy, ctx);
        }
        WaiverRules waivers = new WaiverRules(settings.now());
        List<Diagnostic> out = new ArrayList<>();
        for (Finding f : ctx.findings()) {
            out.add(settle(policy, f, settings.severities(), waivers));
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
