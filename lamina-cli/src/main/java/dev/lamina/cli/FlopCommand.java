package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;

/** {@code lamina flop IN -o OUT}: mirrors an image left to right, as sharp's flop. */
@Command(name = "flop", mixinStandardHelpOptions = true, description = "Mirrors an image horizontally (left to right).")
public final class FlopCommand extends ImageCommand {
    @Override
    LaminaImage apply(LaminaImage image) {
        return image.flop();
    }
}
