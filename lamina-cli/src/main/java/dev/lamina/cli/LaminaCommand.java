package dev.lamina.cli;

import dev.lamina.LaminaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code lamina} command. Every failure ends as one line on standard error that names the
 * input and the problem, and a non-zero exit: 1 for a failed job, 2 for a wrong command line.
 * Stack traces are for Lamina's developers: {@code LAMINA_DEBUG=1} shows them.
 */
@Command(name = "lamina", mixinStandardHelpOptions = true, version = "lamina 0.1.0",
        description = "Layered image compositing: exact, streaming, pure Java.",
        subcommands = {CompositeCommand.class, ConvertCommand.class, ResizeCommand.class, ThumbnailCommand.class, BlurCommand.class, SharpenCommand.class, InfoCommand.class, CompareCommand.class, AotTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class LaminaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (composite, convert, resize, thumbnail, blur, sharpen, info, compare)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("lamina: out of memory (raise -Xmx with LAMINA_JAVA_OPTS, or lower --limit-pixels"
                    + " to refuse such inputs early)");
            err.flush();
            return 1;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LaminaCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);   // compare --gate STUDY
        // Layer options (--mode, --gravity, ...) follow each layer file: composite parses them itself.
        cl.getSubcommands().get("composite").setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof LaminaException le) {
                // The engine's messages carry no command-line wording; the hint for a limit is ours.
                String hint = le.kind() == LaminaException.Kind.LIMIT_EXCEEDED && le.getMessage() != null
                        && le.getMessage().contains("pixels is over the limit") ? " (raise it with --limit-pixels)" : "";
                e.println("lamina: " + ex.getMessage() + hint);
            } else {
                e.println("lamina: internal error: " + ex + " (please report it; LAMINA_DEBUG=1 shows the trace)");
            }
            if (System.getenv("LAMINA_DEBUG") != null) {
                ex.printStackTrace(e);
            }
            e.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            PrintWriter e = command.getErr();
            // An output given as a second positional argument: the form resize and convert used to have.
            boolean strayOutput = ex instanceof CommandLine.UnmatchedArgumentException
                    && command.getCommandSpec().findOption("-o") != null;
            e.println("lamina: " + ex.getMessage() + (strayOutput ? " (outputs are written with -o OUT)" : ""));
            e.println("(" + command.getCommandSpec().qualifiedName() + " --help shows the usage)");
            e.flush();
            return 2;
        });
        return cl;
    }
}
