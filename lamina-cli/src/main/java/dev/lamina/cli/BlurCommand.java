package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lamina blur IN -o OUT --sigma S}: Gaussian blur. */
@Command(name = "blur", mixinStandardHelpOptions = true, description = {
        "Gaussian blur in premultiplied alpha; edge pixels repeat beyond the edges.",
        "Example: lamina blur photo.png --sigma 4 -o soft.png"})
public final class BlurCommand extends ImageCommand {
    @Option(names = "--sigma", required = true, paramLabel = "S", converter = Values.Positive.class,
            description = "standard deviation of the Gaussian, in pixels (the kernel reaches 4 sigma; at most 500)")
    double sigma;

    @Override
    LaminaImage apply(LaminaImage image) {
        return image.blur(sigma);
    }
}
