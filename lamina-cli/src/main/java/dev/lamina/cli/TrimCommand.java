package dev.lamina.cli;

import dev.lamina.LaminaImage;
import dev.lamina.model.TrimOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lamina trim IN -o OUT [--threshold T] [--colour C] [--line-art]}: cuts away a near-uniform border, as sharp's trim. */
@Command(name = "trim", mixinStandardHelpOptions = true,
        description = {"Cuts away a border of near-uniform colour (as sharp's trim).",
                "A pixel is content when a band differs from the border colour by more than --threshold."})
public final class TrimCommand extends ImageCommand {
    @Option(names = "--threshold", paramLabel = "T", converter = Values.NonNegativeReal.class,
            description = "largest difference still counted as border, in 8-bit levels at any depth (default 10)")
    Double threshold;

    @Option(names = "--colour", paramLabel = "RRGGBB[AA]", converter = Values.Colour.class,
            description = "the border's colour (default: the top-left pixel's)")
    Integer colour;

    @Option(names = "--line-art", description = "compare every pixel as it is (no 3x3 median to ignore noise)")
    boolean lineArt;

    @Override
    LaminaImage apply(LaminaImage image) {
        TrimOptions o = TrimOptions.defaults().lineArt(lineArt);
        if (threshold != null) {
            o = o.threshold(threshold);
        }
        if (colour != null) {
            o = o.background(colour);
        }
        return image.trim(o);
    }
}
