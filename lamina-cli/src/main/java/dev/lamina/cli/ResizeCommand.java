package dev.lamina.cli;

import dev.lamina.Kernel;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lamina resize IN OUT --width W --height H}: resamples to an exact size. Giving only one
 * side keeps the aspect ratio; {@code --scale} scales both sides (rounded to whole pixels).
 */
@Command(name = "resize", mixinStandardHelpOptions = true, description = "Resamples an image to a given size or scale.")
public final class ResizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @Option(names = "--width", paramLabel = "W", description = "output width in pixels")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "output height in pixels")
    Integer height;

    @Option(names = "--scale", paramLabel = "S", description = "scale factor for both sides (instead of --width/--height)")
    Double scale;

    @Option(names = "--kernel", paramLabel = "KERNEL",
            description = "nearest, linear, cubic, mitchell, lanczos2, lanczos3 (default)")
    Kernel kernel = Kernel.LANCZOS3;

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
        if ((scale != null) == (width != null || height != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --scale, or --width and/or --height");
        }
        if (scale != null && !(scale > 0 && Double.isFinite(scale))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be a positive number, not " + scale);
        }
        if ((width != null && width < 1) || (height != null && height < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--width and --height must be at least 1");
        }
        Timings t = new Timings(spec.commandLine().getErr(), verbose);
        var options = outputOptions.forFile(out);
        LaminaImage image = Lamina.open(in, input.load());
        int w, h;
        if (scale != null) {
            w = side(image.width(), scale);
            h = side(image.height(), scale);
        } else {
            w = width != null ? width : side(image.width(), height / (double) image.height());
            h = height != null ? height : side(image.height(), width / (double) image.width());
        }
        LaminaImage resized = image.resize(w, h, kernel);
        t.stage("open (header)");
        outputOptions.save(resized, out, options);
        t.stage("decode+resize+encode");
        t.total();
        return 0;
    }

    private static int side(int source, double scale) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(source * scale)));
    }
}
