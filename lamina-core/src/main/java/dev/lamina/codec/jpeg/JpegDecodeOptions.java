package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;

import java.util.function.Consumer;

/**
 * How to decode a JPEG.
 *
 * @param scale       DCT-domain reduction: 1, 2, 4 or 8 (output is ceil(size / scale))
 * @param failOnError throw on truncated or corrupt entropy data (default); when false, keep what
 *                    decoded (the rest is mid-grey) and pass a warning to {@code warnings}
 * @param warnings    receives one line per recoverable problem; {@code null} logs them
 * @param eighthChromaDcOnly at scale 8, decode subsampled chroma from its DCs alone and replicate
 *                    it (libjpeg 6b's upsampling at 1/8), as luma is: about 20 % faster, but
 *                    chroma has half the resolution of the default (see docs/jpeg.md); off by
 *                    default, no effect at other scales or without subsampling
 */
public record JpegDecodeOptions(int scale, boolean failOnError, Consumer<String> warnings,
                                boolean eighthChromaDcOnly) {

    /** Without {@code eighthChromaDcOnly} (off). */
    public JpegDecodeOptions(int scale, boolean failOnError, Consumer<String> warnings) {
        this(scale, failOnError, warnings, false);
    }

    public JpegDecodeOptions {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "JPEG decode scale must be 1, 2, 4 or 8, not " + scale);
        }
        if (warnings == null) {
            System.Logger log = System.getLogger("dev.lamina.codec.jpeg");
            warnings = w -> log.log(System.Logger.Level.WARNING, w);
        }
    }

    /**
     * Full size, fail on error. The image comes as stored: EXIF orientation is in its metadata and
     * is applied by {@code dev.lamina.codec.Decoders} (codecs do not know operations).
     */
    public static JpegDecodeOptions defaults() {
        return new JpegDecodeOptions(1, true, null, false);
    }

    /**
     * The DCT-domain reduction a thumbnailer should decode with, libvips' rule: for a total
     * shrink of {@code shrink} (source size over thumbnail size, the larger of the two axes for a
     * fit-inside thumbnail), reduce on load by 8, 4 or 2 while a factor of at least two is left
     * for the real resampler (so 8 from a shrink of 16, 4 from 8, 2 from 4). The block reduction
     * is a box filter plus JPEG noise; the resampler that follows does the proper filtering.
     */
    public static int shrinkOnLoad(double shrink) {
        if (shrink >= 16) {
            return 8;
        }
        if (shrink >= 8) {
            return 4;
        }
        if (shrink >= 4) {
            return 2;
        }
        return 1;
    }

    /**
     * sharp's default rule ({@code fastShrinkOnLoad: true}): reduce on load by 8, 4 or 2 as soon
     * as the total shrink reaches that factor (no factor of two kept for the resampler), then one
     * step less when the shrink's integer part equals the reduction (sharp does so to stay clear of
     * the scaled decode's rounding of the last block). A 6.4x shrink decodes at 1/4 here and at 1/2
     * under {@link #shrinkOnLoad(double)}: about a quarter of the decode and resize work, for a
     * thumbnail nearer to a box filter's (docs/resample.md measures the error of both rules).
     */
    public static int fastShrinkOnLoad(double shrink) {
        int reduction = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
        if (reduction > 1 && (int) shrink == reduction) {
            reduction /= 2;
        }
        return reduction;
    }

    /** {@link #shrinkOnLoad(double)} for a {@code width x height} source and a thumbnail that must fit in the target box. */
    public static int shrinkOnLoad(int width, int height, int targetWidth, int targetHeight) {
        double shrink = Math.max(width / (double) Math.max(1, targetWidth), height / (double) Math.max(1, targetHeight));
        return shrinkOnLoad(shrink);
    }

    public JpegDecodeOptions scale(int denominator) {
        return new JpegDecodeOptions(denominator, failOnError, warnings, eighthChromaDcOnly);
    }

    public JpegDecodeOptions failOnError(boolean on) {
        return new JpegDecodeOptions(scale, on, warnings, eighthChromaDcOnly);
    }

    public JpegDecodeOptions warnings(Consumer<String> sink) {
        return new JpegDecodeOptions(scale, failOnError, sink, eighthChromaDcOnly);
    }

    public JpegDecodeOptions eighthChromaDcOnly(boolean on) {
        return new JpegDecodeOptions(scale, failOnError, warnings, on);
    }
}
