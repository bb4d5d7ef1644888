package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lamina sharpen IN -o OUT [--sigma S] [--amount A] [--threshold T]}: unsharp mask. */
@Command(name = "sharpen", mixinStandardHelpOptions = true, description = {
        "Unsharp mask, as ImageMagick's -unsharp 0x{sigma}+{amount}+{threshold}: each colour sample moves",
        "away from its Gaussian blur by amount x the difference, where the difference exceeds the threshold.",
        "Example: lamina sharpen photo.jpg --sigma 1 --amount 0.8 --threshold 0.02 -o crisp.jpg"})
public final class SharpenCommand extends ImageCommand {
    @Option(names = "--sigma", paramLabel = "S", converter = Values.Positive.class,
            description = "sigma of the blur, in pixels (default 1)")
    double sigma = 1;

    @Option(names = "--amount", paramLabel = "0-100", converter = Values.Amount.class, description = "strength (default 1)")
    double amount = 1;

    @Option(names = "--threshold", paramLabel = "0-1", converter = Values.Fraction.class,
            description = "differences up to this fraction of full scale are left alone (default 0)")
    double threshold;

    @Override
    LaminaImage apply(LaminaImage image) {
        return image.sharpen(sigma, amount, threshold);
    }
}
