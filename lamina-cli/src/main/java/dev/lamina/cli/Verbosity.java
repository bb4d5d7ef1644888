package dev.lamina.cli;

import picocli.CommandLine.Option;

/** {@code -v}: stage timings on standard error, shared by the commands that run a pipeline. */
final class Verbosity {
    @Option(names = {"-v", "--verbose"}, description = "print timings per stage")
    boolean verbose;
}
