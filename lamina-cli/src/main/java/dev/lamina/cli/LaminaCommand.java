package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code lamina} command. Every failure ends as one line on standard error that names the
 * input and the problem, and a non-zero exit: 1 for a failed job, 2 for a wrong command line.
 * Stack traces are for Lamina's developers: {@code LAMINA_DEBUG=1} shows them.
 */
@Command(name = "lamina", mixinStandardHelpOptions = true, version = "lamina 0.1.0",
        description = "Layered image compositing: exact, streaming, pure Java.")
public final class LaminaCommand implements Runnable {
    /**
     * The commands, in the order the usage lists them. They are registered by {@link #commandLine}
     * rather than in the annotation: picocli builds a command's model (every option, by
     * reflection) when it is registered, and a cold run that named one command paid for all
     * nineteen.
     */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(CompositeCommand.class, ConvertCommand.class,
            ResizeCommand.class, ThumbnailCommand.class, ExtractCommand.class, ExtendCommand.class, FlipCommand.class,
            FlopCommand.class, RotateCommand.class, AffineCommand.class, TrimCommand.class, BlurCommand.class,
            RenderCommand.class, SharpenCommand.class, InfoCommand.class, CompareCommand.class, ServeCommand.class,
            LoadTestCommand.class, AotTrainingCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (composite, convert, resize, thumbnail, extract, extend, flip, flop, rotate, affine, trim, blur, sharpen, render, info, compare, serve, loadtest)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // The engine reports running out of memory as a limit error naming the image; this is
            // the last resort for memory spent elsewhere (a command's own work).
            err.println("lamina: out of memory while processing " + inputs(args) + OUT_OF_MEMORY_HINT);
            debug(e, err);
            err.flush();
            return 1;
        }
    }

    private static final String OUT_OF_MEMORY_HINT = " (LAMINA_JAVA_OPTS=-Xmx<size> sets the heap, --limit-memory the budget)";

    /** The hint the command line adds to an engine error: the option that raises the limit it names. */
    static String hint(LaminaException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.kind() != LaminaException.Kind.LIMIT_EXCEEDED) {
            return "";
        }
        if (m.contains("over the pixel limit")) {
            return " (raise it with --limit-pixels)";
        }
        if (m.contains("over the memory budget")) {
            return " (raise it with --limit-memory)";
        }
        if (m.contains("out of memory while")) {
            return OUT_OF_MEMORY_HINT;
        }
        return "";
    }

    /** The arguments that name existing files, for a message about a failure the engine did not name. */
    static String inputs(String[] args) {
        java.util.List<String> files = new java.util.ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-") && java.nio.file.Files.exists(java.nio.file.Path.of(a).toAbsolutePath())) {
                files.add(a);
            }
        }
        return files.isEmpty() ? "the command" : String.join(", ", files);
    }

    private static void debug(Throwable t, PrintWriter e) {
        if (System.getenv("LAMINA_DEBUG") != null) {
            t.printStackTrace(e);
        }
    }

    /**
     * The command line for {@code arguments}: when they start with a command's name, only that command
     * is registered (its usage, messages and exit codes are the same); otherwise (no command, an
     * option, {@code help}, a misspelt name that picocli suggests a command for) all of them.
     */
    static CommandLine commandLine(String[] arguments) {
        CommandLine cl = new CommandLine(new LaminaCommand());
        String first = arguments.length > 0 ? arguments[0] : "";
        boolean one = COMMANDS.stream().anyMatch(c -> first.equals(nameOf(c)) && !first.equals("help"));
        for (Class<?> command : COMMANDS) {
            if (!one || first.equals(nameOf(command))) {
                cl.addSubcommand(command);
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);   // compare --gate STUDY
        // Layer options (--mode, --gravity, ...) follow each layer file: composite parses them itself.
        CommandLine composite = cl.getSubcommands().get("composite");
        if (composite != null) {
            composite.setUnmatchedOptionsArePositionalParams(true);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            String[] args = parseResult.originalArgs().toArray(new String[0]);
            Throwable cause = ex;
            while ((cause instanceof java.util.concurrent.ExecutionException
                    || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
                cause = cause.getCause();   // a command's own worker threads (a thumbnail batch)
            }
            if (cause instanceof OutOfMemoryError) {
                e.println("lamina: out of memory while processing " + inputs(args) + OUT_OF_MEMORY_HINT);
            } else if (cause instanceof LaminaException le && le.kind() != LaminaException.Kind.INTERNAL) {
                // The engine's messages name the input and carry no command-line wording; the hint
                // for a limit is ours.
                e.println("lamina: " + le.getMessage() + hint(le));
            } else {
                // A fault of Lamina's own: the message names what was being processed, never an
                // exception's class (that is in the trace, for the report).
                e.println("lamina: internal error while processing " + inputs(args)
                        + " (please report it; LAMINA_DEBUG=1 shows the details)");
            }
            debug(ex, e);
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

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
