package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;

/** {@code lamina flip IN -o OUT}: turns an image upside down (top row last), as sharp's flip. */
@Command(name = "flip", mixinStandardHelpOptions = true, description = "Mirrors an image vertically (top to bottom).")
public final class FlipCommand extends ImageCommand {
    @Override
    LaminaImage apply(LaminaImage image) {
        return image.flip();
    }
}
