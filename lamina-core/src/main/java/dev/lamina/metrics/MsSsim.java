package dev.lamina.metrics;

import dev.lamina.core.Image;

import java.util.EnumSet;

/**
 * Multi-scale SSIM (Wang, Simoncelli and Bovik, "Multiscale structural similarity for image
 * quality assessment", 2003) over 5 scales with the weights 0.0448, 0.2856, 0.3001, 0.2363,
 * 0.1333. Scales are made by 2 x 2 averaging; see {@link MsSsimScales} for the exact definition.
 */
public final class MsSsim {
    private MsSsim() {
    }

    /** MS-SSIM of two images (colour premultiplied by alpha); NaN below 176 x 176 pixels. */
    public static double of(Image a, Image b) {
        return Compare.of(a, b, false, EnumSet.of(Metric.MS_SSIM)).msSsim();
    }
}
