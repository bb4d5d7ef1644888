package dev.lamina.cli;

import dev.lamina.model.Kernel;
import dev.lamina.model.ThumbnailOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How {@code resize} and {@code thumbnail} fit an image to a box, as sharp names it, and how they
 * resample: the options map one to one onto {@link ThumbnailOptions}.
 */
final class ResampleOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--fit", paramLabel = "FIT", converter = Values.FitName.class,
            description = "inside (the whole image within the box), cover (fill the box, crop the overflow),"
                    + " contain (inside, letterboxed to the box on --background), fill (exactly the box,"
                    + " aspect ignored), outside (cover without cropping)")
    ThumbnailOptions.Fit fit;

    @Option(names = "--gravity", paramLabel = "POSITION", converter = Values.PositionName.class,
            description = "where cover crops and contain places the image: centre (default), north, north-east,"
                    + " ..., or for cover entropy (the busiest window) or attention (the most salient)")
    Values.Position position;

    @Option(names = "--kernel", paramLabel = "KERNEL", converter = Values.KernelName.class,
            description = "nearest, linear, cubic, mitchell, lanczos2, lanczos3 (default)")
    Kernel kernel = Kernel.LANCZOS3;

    @Option(names = "--linear", description = "resample in linear light (sRGB decoded first, encoded after)")
    boolean linear;

    @Option(names = "--no-enlarge", description = "never make an image larger than it is")
    boolean noEnlarge;

    @Option(names = "--no-reduce", description = "never make an image smaller than it is")
    boolean noReduce;

    /** The options for a {@code width x height} box, {@code defaultFit} unless --fit says otherwise. */
    ThumbnailOptions box(int width, int height, ThumbnailOptions.Fit defaultFit, Integer background) {
        ThumbnailOptions.Fit f = fit != null ? fit : defaultFit;
        ThumbnailOptions o = ThumbnailOptions.box(width, height).fit(f).kernel(kernel).linearLight(linear)
                .enlarge(!noEnlarge).reduce(!noReduce);
        if (position != null) {
            if (position.crop() != ThumbnailOptions.Crop.POSITION && f != ThumbnailOptions.Fit.COVER) {
                throw new ParameterException(spec.commandLine(), "--gravity " + Values.name(position.crop())
                        + " chooses what cover crops: it needs --fit cover");
            }
            o = o.position(position.gravity()).crop(position.crop());
        }
        return background != null ? o.background(background) : o;
    }
}
