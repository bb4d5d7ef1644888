package dev.lamina.cli;

import dev.lamina.LaminaImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lamina affine IN -o OUT --matrix A,B,C,D[,TX,TY]}: the general affine transform of libvips'
 * affine: output (x, y) = (A x + B y + TX, C x + D y + TY) of input (x, y).
 */
@Command(name = "affine", mixinStandardHelpOptions = true,
        description = {"Applies an affine transform: x' = A*x + B*y + TX, y' = C*x + D*y + TY (as libvips' affine).",
                "Sampled with --kernel in premultiplied alpha; new pixels are --background (default transparent)."})
public final class AffineCommand extends ImageCommand {
    @Option(names = "--matrix", required = true, paramLabel = "A,B,C,D[,TX,TY]", converter = Values.MatrixValue.class,
            description = "the 2x2 matrix and an optional translation")
    Values.Matrix matrix;

    @Mixin
    WarpOptions warp;

    @Override
    LaminaImage apply(LaminaImage image) {
        return image.affine(matrix.a(), matrix.b(), matrix.c(), matrix.d(), matrix.tx(), matrix.ty(),
                warp.options(output.background));
    }
}
