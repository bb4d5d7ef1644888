package dev.lamina.cli;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina convert IN OUT}: re-encodes an image, the format following OUT's name. */
@Command(name = "convert", mixinStandardHelpOptions = true, description = "Re-encodes an image (PNG <-> JPEG, other compression or filter).")
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @Option(names = {"-v", "--verbose"}, description = "print timings per stage")
    boolean verbose;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Timings t = new Timings(spec.commandLine().getErr(), verbose);
        var options = outputOptions.forFile(out);
        LaminaImage image = Lamina.open(in, input.load());
        t.stage("open (header)");
        outputOptions.save(image, out, options);
        t.stage("decode+encode");
        t.total();
        return 0;
    }
}
