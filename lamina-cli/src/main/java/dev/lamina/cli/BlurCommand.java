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

/** {@code lamina blur IN -o OUT --sigma S}: Gaussian blur. */
@Command(name = "blur", mixinStandardHelpOptions = true, description = {
        "Gaussian blur in premultiplied alpha; edge pixels repeat beyond the edges.",
        "Example: lamina blur photo.png --sigma 4 -o soft.png"})
public final class BlurCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    String in;

    @Option(names = "--sigma", required = true, paramLabel = "S", converter = Values.Positive.class,
            description = "standard deviation of the Gaussian, in pixels (the kernel reaches 4 sigma; at most 500)")
    double sigma;

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
        LaminaImage image = ImageArgument.open(in, input.load(), spec.commandLine()).blur(sigma);
        t.stage("open (header)");
        output.save(image, out);
        t.stage("decode+blur+encode");
        t.total();
        return 0;
    }
}
