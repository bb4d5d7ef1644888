package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;

/** {@code lamina convert IN -o OUT}: re-encodes an image, the format following OUT's name. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Re-encodes an image (PNG, JPEG, TIFF, WebP; other compression, filter or metadata).",
                "IN may be a blank canvas: canvas:WIDTHxHEIGHT[:RRGGBB[AA]]."})
public final class ConvertCommand extends ImageCommand {
    @Override
    LaminaImage apply(LaminaImage image) {
        return image;
    }
}
