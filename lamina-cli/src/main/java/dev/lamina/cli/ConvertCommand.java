package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina convert IN -o OUT}: re-encodes an image, the format following OUT's name. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Re-encodes an image (PNG <-> JPEG, other compression, filter or metadata).",
                "IN may be a blank canvas: canvas:WIDTHxHEIGHT[:RRGGBB[AA]]."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    String in;

    @Mixin
    Verbosity verbosity;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        Path out = output.path();
        output.forFile(out);   // a wrong output name is a usage error before any input is read
        LaminaImage image = ImageArgument.open(in, input.load(), spec.commandLine());
        t.stage("open (header)");
        output.save(image, out);
        t.stage("decode+encode");
        t.total();
        return 0;
    }
}
