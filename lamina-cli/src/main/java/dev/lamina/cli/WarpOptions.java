package dev.lamina.cli;

import dev.lamina.model.AffineOptions;
import dev.lamina.model.Kernel;
import picocli.CommandLine.Option;

/** How {@code rotate} and {@code affine} sample, what they put around the image and which area they output. */
final class WarpOptions {
    @Option(names = "--kernel", paramLabel = "KERNEL", converter = Values.KernelName.class,
            description = "nearest, linear (default, as libvips and sharp), cubic, mitchell, lanczos2, lanczos3")
    Kernel kernel;

    @Option(names = "--area", paramLabel = "X,Y,W,H", converter = Values.Area.class,
            description = "the rectangle of output space to compute (default: the transformed image's bounding box)")
    Values.Rectangle area;

    /** The options, with {@code background} (ARGB, or null for transparent/black) around the image. */
    AffineOptions options(Integer background) {
        AffineOptions o = AffineOptions.defaults();
        if (kernel != null) {
            o = o.kernel(kernel);
        }
        if (background != null) {
            o = o.background(background);
        }
        if (area != null) {
            o = o.area(area.left(), area.top(), area.width(), area.height());
        }
        return o;
    }
}
