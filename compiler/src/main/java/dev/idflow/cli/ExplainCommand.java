package dev.idflow.cli;

import dev.idflow.check.Explanation;
import dev.idflow.check.RuleInfo;
import dev.idflow.check.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idflow explain CODE}: what a diagnostic means, with a broken and a fixed example. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a diagnostic code: title, severity, OWASP and NIST mapping, examples.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CODE", description = "A diagnostic code such as IDF202.")
    String code;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String wanted = code.trim().toUpperCase(java.util.Locale.ROOT);
        RuleInfo rule = Rules.get(wanted);
        if (rule == null) {
            throw new UserError("unknown diagnostic code `" + code + "`; codes run from IDF001 to IDF912"
                    + " (`idflow explain IDF202`)");
        }
        spec.commandLine().getOut().print(Explanation.text(rule));
        return ExitCodes.OK;
    }
}
