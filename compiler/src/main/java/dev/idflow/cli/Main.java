package dev.idflow.cli;

import dev.idflow.pipeline.Version;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code idflow} command line: one executable with subcommands. */
@Command(name = "idflow",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Policy-as-code compiler and validator for the lifecycle of non-human identities.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order of the usage help. Building a command's model from its
     * annotations is much of picocli's share of the start-up (30-40 ms for all of them), so a
     * run of one subcommand builds only that one; help and anything else build them all.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            CheckCommand.class,
            CompileCommand.class,
            QueryCommand.class,
            DiffCommand.class,
            ExplainCommand.class,
            FmtCommand.class,
            GraphCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err, args).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The configured command line with every subcommand: usage errors exit 2 in one line, bugs
     * exit 3 with a short report.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * {@link #commandLine(PrintWriter, PrintWriter)} for running {@code args}: when they start with
     * the name of a subcommand other than {@code help}, with that subcommand alone.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> c : SUBCOMMANDS) {
            if (named == null || c == named) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::internalError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("idflow: " + e.getMessage());
        cl.getErr().println("Try `" + cl.getCommandSpec().qualifiedName() + " --help`.");
        return ExitCodes.USAGE;
    }

    private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof UserError u) {
            cl.getErr().println("idflow: " + u.getMessage());
            return ExitCodes.USAGE;
        }
        cl.getErr().println("idflow: internal error (a bug in idflow " + Version.get() + "): " + e);
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            cl.getErr().println("    at " + trace[i]);
        }
        cl.getErr().println("Please report it with the command you ran.");
        return ExitCodes.INTERNAL;
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"idflow " + Version.get()};
        }
    }
}
