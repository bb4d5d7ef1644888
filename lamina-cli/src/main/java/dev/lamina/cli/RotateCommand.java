package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lamina rotate IN -o OUT --angle DEG}: turns an image clockwise. Multiples of 90 degrees are
 * exact copies; other angles are resampled with --kernel in premultiplied alpha, with antialiased
 * edges on --background (transparent, or black for an image without alpha, when not given).
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotates an image clockwise by any angle (multiples of 90 degrees are exact copies).",
                "Corners are --background (default transparent, or black for an image without alpha)."})
public final class RotateCommand extends ImageCommand {
    @Option(names = "--angle", required = true, paramLabel = "DEGREES", converter = Values.Finite.class,
            description = "clockwise angle in degrees")
    double angle;

    @Mixin
    WarpOptions warp;

    @Override
    LaminaImage apply(LaminaImage image) {
        return image.rotate(angle, warp.options(output.background));
    }
}
