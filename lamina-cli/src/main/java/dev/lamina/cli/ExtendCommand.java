package dev.lamina.cli;

import dev.lamina.model.ExtendWith;
import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lamina extend IN -o OUT --top T --right R --bottom B --left L [--with MODE]}: adds margins,
 * filled with --background (transparent, or black without alpha, when not given) or by copying,
 * repeating or mirroring the image's edges (sharp's extend, libvips' embed).
 */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = {"Adds margins around an image.",
                "The new pixels are --background (default transparent, or black for an image without alpha),"
                        + " or with --with copy|repeat|mirror the image's edge pixels, the image tiled, or mirrored."})
public final class ExtendCommand extends ImageCommand {
    @Option(names = "--top", paramLabel = "N", converter = Values.NonNegative.class, description = "rows added above")
    int top;

    @Option(names = "--right", paramLabel = "N", converter = Values.NonNegative.class, description = "columns added on the right")
    int right;

    @Option(names = "--bottom", paramLabel = "N", converter = Values.NonNegative.class, description = "rows added below")
    int bottom;

    @Option(names = "--left", paramLabel = "N", converter = Values.NonNegative.class, description = "columns added on the left")
    int left;

    @Option(names = "--with", paramLabel = "MODE", converter = Values.ExtendName.class,
            description = "background (default), copy, repeat, mirror")
    ExtendWith with = ExtendWith.BACKGROUND;

    @Override
    LaminaImage apply(LaminaImage image) {
        if (with == ExtendWith.BACKGROUND && output.background != null) {
            return image.extend(top, right, bottom, left, output.background);
        }
        return image.extend(top, right, bottom, left, with);
    }
}
