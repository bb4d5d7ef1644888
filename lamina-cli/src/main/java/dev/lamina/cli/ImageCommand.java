package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The shape of every one-image command ({@code lamina OP IN -o OUT [options]}): open IN (a file or
 * a canvas), apply one operation, save to OUT in the format its name says. Subclasses say only
 * what the operation is; the input, output, metadata and limit options are the same for all.
 */
abstract class ImageCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "an image file, or canvas:WIDTHxHEIGHT[:RRGGBB[AA]]")
    String in;

    @Mixin
    Verbosity verbosity;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The operation; {@code image} is opened but not decoded. Usage errors throw ParameterException. */
    abstract LaminaImage apply(LaminaImage image);

    @Override
    public final Integer call() {
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        Path out = output.path();
        output.forFile(out);   // a wrong output name is a usage error before any input is read
        LaminaImage image = ImageArgument.open(in, input.load(), spec.commandLine());
        t.stage("open (header)");
        LaminaImage result;
        try {
            result = apply(image);
        } catch (LaminaException e) {
            throw e.withSubject(in);   // the operation's message says what is wrong, not with which file
        }
        t.stage("build");
        output.save(result, out);
        t.stage("decode+" + spec.name() + "+encode");
        t.total();
        return 0;
    }
}
