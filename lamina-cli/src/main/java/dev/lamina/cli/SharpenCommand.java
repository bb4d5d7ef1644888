package dev.lamina.cli;

import dev.lamina.Lamina;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lamina sharpen IN -o OUT [--sigma S] [--amount A] [--threshold T]}: unsharp mask. */
@Command(name = "sharpen", mixinStandardHelpOptions = true, description = {
        "Unsharp mask, as ImageMagick's -unsharp 0x{sigma}+{amount}+{threshold}: each colour sample moves",
        "away from its Gaussian blur by amount x the difference, where the difference exceeds the threshold.",
        "Example: lamina sharpen photo.jpg --sigma 1 --amount 0.8 --threshold 0.02 -o crisp.jpg"})
public final class SharpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output file (.png, .jpg)")
    Path out;

    @Option(names = "--sigma", paramLabel = "S", description = "sigma of the blur, in pixels (default 1)")
    double sigma = 1;

    @Option(names = "--amount", paramLabel = "A", description = "strength, 0..100 (default 1)")
    double amount = 1;

    @Option(names = "--threshold", paramLabel = "T",
            description = "differences at or below this fraction of full scale are left alone, 0..1 (default 0)")
    double threshold;

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
        var image = Lamina.open(in, input.load()).sharpen(sigma, amount, threshold);
        t.stage("open (header)");
        outputOptions.save(image, out, options);
        t.stage("decode+sharpen+encode");
        t.total();
        return 0;
    }
}
