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

/** {@code lamina blur IN -o OUT --sigma S}: Gaussian blur. */
@Command(name = "blur", mixinStandardHelpOptions = true, description = {
        "Gaussian blur in premultiplied alpha; edge pixels repeat beyond the edges.",
        "Example: lamina blur photo.png --sigma 4 -o soft.png"})
public final class BlurCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output file (.png, .jpg)")
    Path out;

    @Option(names = "--sigma", required = true, paramLabel = "S",
            description = "standard deviation of the Gaussian, in pixels (the kernel reaches 4 sigma)")
    double sigma;

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
        var image = Lamina.open(in, input.load()).blur(sigma);
        t.stage("open (header)");
        outputOptions.save(image, out, options);
        t.stage("decode+blur+encode");
        t.total();
        return 0;
    }
}
