package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina sharpen IN -o OUT [--sigma S] [--amount A] [--threshold T]}: unsharp mask. */
@Command(name = "sharpen", mixinStandardHelpOptions = true, description = {
        "Unsharp mask, as ImageMagick's -unsharp 0x{sigma}+{amount}+{threshold}: each colour sample moves",
        "away from its Gaussian blur by amount x the difference, where the difference exceeds the threshold.",
        "Example: lamina sharpen photo.jpg --sigma 1 --amount 0.8 --threshold 0.02 -o crisp.jpg"})
public final class SharpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    String in;

    @Option(names = "--sigma", paramLabel = "S", converter = Values.Positive.class,
            description = "sigma of the blur, in pixels (default 1)")
    double sigma = 1;

    @Option(names = "--amount", paramLabel = "0-100", converter = Values.Amount.class, description = "strength (default 1)")
    double amount = 1;

    @Option(names = "--threshold", paramLabel = "0-1", converter = Values.Fraction.class,
            description = "differences up to this fraction of full scale are left alone (default 0)")
    double threshold;

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
        output.forFile(out);
        LaminaImage image = ImageArgument.open(in, input.load(), spec.commandLine()).sharpen(sigma, amount, threshold);
        t.stage("open (header)");
        output.save(image, out);
        t.stage("decode+sharpen+encode");
        t.total();
        return 0;
    }
}
