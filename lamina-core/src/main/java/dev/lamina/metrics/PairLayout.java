package dev.lamina.metrics;

import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;

/**
 * The common layout two images are compared in, and the reading of their rows into it.
 *
 * <p>Two images of the same size can still differ in layout; they are brought together the way a
 * viewer would see them: a grey image counts as RGB with equal channels when the other is RGB, a
 * missing alpha band counts as opaque, and an 8-bit image is scaled to 16 bits (x 257, exact) when
 * the other is 16-bit. Values are in the units of the common format (0..255, 0..65535, or 0..1 for
 * float), so the data range L of PSNR and SSIM is that format's full scale.
 *
 * <p>With {@code premultiply} (the default of {@link Compare}), colour values are multiplied by
 * alpha / full scale: colour under alpha 0 becomes 0 in both images, so it cannot count as a
 * difference, and half-transparent colour counts half. The alpha band itself is compared as is.
 */
public final class PairLayout {
    /** Colour bands compared (1 or 3). */
    public final int colourBands;
    /** Whether an alpha band is compared (either image has one). */
    public final boolean hasAlpha;
    /** Bands per prepared pixel: colour bands, then alpha if any. */
    public final int bands;
    /** Full scale of the common format: the data range L. */
    public final double dataRange;
    /** The common format. */
    public final BandFormat format;
    public final boolean premultiply;
    public final int width;
    public final int height;

    private PairLayout(Image a, Image b, boolean premultiply) {
        this.width = a.width;
        this.height = a.height;
        this.colourBands = Math.max(a.interpretation.colourBands, b.interpretation.colourBands);
        this.hasAlpha = a.hasAlpha || b.hasAlpha;
        this.bands = colourBands + (hasAlpha ? 1 : 0);
        this.format = BandFormat.widest(a.format, b.format);
        this.dataRange = format.maxValue;
        this.premultiply = premultiply && hasAlpha;
    }

    /**
     * The layout for comparing {@code a} with {@code b}; a {@link LaminaException} naming both
     * sizes when they differ.
     */
    public static PairLayout of(Image a, Image b, boolean premultiply) {
        if (a.width != b.width || a.height != b.height) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "cannot compare images of different sizes: " + a.width + "x" + a.height
                    + " and " + b.width + "x" + b.height);
        }
        return new PairLayout(a, b, premultiply);
    }

    /** Names of the prepared bands, for reports: R, G, B, A or Y, A. */
    public String[] bandNames() {
        String[] names = new String[bands];
        if (colourBands == 3) {
            names[0] = "R";
            names[1] = "G";
            names[2] = "B";
        } else {
            names[0] = "Y";
        }
        if (hasAlpha) {
            names[bands - 1] = "A";
        }
        return names;
    }

    /** A reader of {@code image}'s rows into this layout. One per image; it keeps no state. */
    public RowReader reader(Image image) {
        return new RowReader(image.format, image.interpretation, image.hasAlpha, image.bands);
    }

    /**
     * Reads one row of an image's region into the common layout. The per-format choice is made once
     * per row, so the loops see only primitive arrays.
     */
    public final class RowReader {
        private final BandFormat sourceFormat;
        private final boolean sourceGrey;
        private final boolean sourceAlpha;
        private final int sourceBands;
        /** Multiplies a stored value into the common units: 1, 257 (U8 to U16), or 1 / max (to F32). */
        private final double scale;

        private RowReader(BandFormat sourceFormat, Interpretation interpretation, boolean sourceAlpha, int sourceBands) {
            this.sourceFormat = sourceFormat;
            this.sourceGrey = interpretation == Interpretation.GREY;
            this.sourceAlpha = sourceAlpha;
            this.sourceBands = sourceBands;
            this.scale = format == BandFormat.F32 ? (sourceFormat == BandFormat.F32 ? 1.0 : 1.0 / sourceFormat.maxValue)
                    : (double) format.maxValue / sourceFormat.maxValue;
        }

        /** Reads row {@code y} of {@code region} (full width) into {@code dst[0 .. width * bands)}. */
        public void read(dev.lamina.core.Region region, int y, double[] dst) {
            int src = region.index(0, y);
            switch (sourceFormat) {
                case U8 -> {
                    byte[] s = region.u8();
                    for (int x = 0, d = 0; x < width; x++, src += sourceBands, d += bands) {
                        for (int c = 0; c < sourceBands; c++) {
                            dst[d + c] = s[src + c] & 0xFF;
                        }
                        spread(dst, d);
                    }
                }
                case U16 -> {
                    short[] s = region.u16();
                    for (int x = 0, d = 0; x < width; x++, src += sourceBands, d += bands) {
                        for (int c = 0; c < sourceBands; c++) {
                            dst[d + c] = s[src + c] & 0xFFFF;
                        }
                        spread(dst, d);
                    }
                }
                case F32 -> {
                    float[] s = region.f32();
                    for (int x = 0, d = 0; x < width; x++, src += sourceBands, d += bands) {
                        for (int c = 0; c < sourceBands; c++) {
                            dst[d + c] = s[src + c];
                        }
                        spread(dst, d);
                    }
                }
            }
        }

        /**
         * Turns the source pixel at dst[d ..] (raw values in source order) into the common layout in
         * place: alpha moved last (or made opaque), grey copied to three channels, values scaled,
         * colour premultiplied. Pixels are written from their first sample, and the source pixel is
         * never wider than the common one, so the in-place rewrite reads before it writes.
         */
        private void spread(double[] dst, int d) {
            double alpha = sourceAlpha ? dst[d + sourceBands - 1] * scale : dataRange;
            double grey = dst[d] * scale;
            if (colourBands == 3 && sourceGrey) {
                dst[d] = grey;
                dst[d + 1] = grey;
                dst[d + 2] = grey;
            } else {
                for (int c = 0; c < colourBands; c++) {
                    dst[d + c] = dst[d + c] * scale;
                }
            }
            if (hasAlpha) {
                if (premultiply) {
                    double k = alpha / dataRange;
                    for (int c = 0; c < colourBands; c++) {
                        dst[d + c] = dst[d + c] * k;
                    }
                }
                dst[d + colourBands] = alpha;
            }
        }
    }
}
