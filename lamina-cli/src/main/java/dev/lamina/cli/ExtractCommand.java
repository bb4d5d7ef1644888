package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lamina extract IN -o OUT --area X,Y,W,H}: cuts out a rectangle (sharp's extract, libvips' extract_area). */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Cuts a rectangle out of an image: --area LEFT,TOP,WIDTH,HEIGHT, inside the image.")
public final class ExtractCommand extends ImageCommand {
    @Option(names = "--area", required = true, paramLabel = "X,Y,W,H", converter = Values.Area.class,
            description = "left, top, width and height of the rectangle in pixels")
    Values.Rectangle area;

    @Override
    LaminaImage apply(LaminaImage image) {
        return image.extract(area.left(), area.top(), area.width(), area.height());
    }
}
