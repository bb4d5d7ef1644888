package dev.lamina.cli;

import dev.lamina.LaminaImage;
import dev.lamina.model.ThumbnailOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lamina resize IN -o OUT --width W --height H}: resamples to a size. With both sides the
 * image fills the box exactly ({@code --fit fill}) unless {@code --fit} says otherwise; with one
 * side the other keeps the aspect ratio; {@code --scale} scales both sides (rounded to whole
 * pixels). Unlike {@code thumbnail}, the whole image is decoded (no shrink-on-load).
 */
@Command(name = "resize", mixinStandardHelpOptions = true,
        description = {"Resamples an image to a given size or scale.",
                "With --width and --height the result is exactly that size (--fit fill) unless --fit says otherwise."})
public final class ResizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    String in;

    @Option(names = "--width", paramLabel = "W", converter = Values.Pixels.class, description = "output width in pixels")
    Integer width;

    @Option(names = "--height", paramLabel = "H", converter = Values.Pixels.class, description = "output height in pixels")
    Integer height;

    @Option(names = "--scale", paramLabel = "S", converter = Values.Positive.class,
            description = "scale factor for both sides (instead of --width/--height)")
    Double scale;

    @Mixin
    ResampleOptions resample;

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
        if ((scale != null) == (width != null || height != null)) {
            throw new ParameterException(spec.commandLine(), "give --scale, or --width and/or --height");
        }
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        Path out = output.path();
        output.forFile(out);
        LaminaImage image = ImageArgument.open(in, input.load(), spec.commandLine());
        int w, h;
        if (scale != null) {
            w = side(image.width(), scale);
            h = side(image.height(), scale);
        } else {
            w = width != null ? width : side(image.width(), height / (double) image.height());
            h = height != null ? height : side(image.height(), width / (double) image.width());
        }
        ThumbnailOptions box = resample.box(w, h, ThumbnailOptions.Fit.FILL, output.background);
        LaminaImage resized = image.thumbnail(box);
        t.stage("open (header)");
        output.save(resized, out);
        t.stage("decode+resize+encode");
        t.total();
        return 0;
    }

    private static int side(int source, double scale) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(source * scale)));
    }
}
