package dev.lamina.model;

/**
 * How to write JPEG: quality 1-100 (IJG scale, 80 by default), chroma subsampling (4:2:0 by
 * default below quality 90, 4:4:4 from 90 up, unless set), progressive or baseline, and the
 * background that alpha is flattened onto (JPEG has no alpha; white by default, never black).
 *
 * <p>Immutable and thread-safe.
 * @param quality       1-100
 * @param subsampling   {@code null} for the default, else {@link Subsampling}
 * @param progressive   progressive scans instead of one baseline scan
 * @param background    RGB background as 0xRRGGBB
 */
public record JpegOptions(int quality, Subsampling subsampling, boolean progressive, int background)
        implements SaveOptions {

    /** Chroma subsampling. */
    public enum Subsampling { S444, S420 }

    public JpegOptions {
        if (quality < 1 || quality > 100) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "JPEG quality must be 1 to 100, not " + quality);
        }
    }

    public static JpegOptions jpeg() {
        return new JpegOptions(80, null, false, 0xFFFFFF);
    }

    public JpegOptions quality(int q) {
        return new JpegOptions(q, subsampling, progressive, background);
    }

    public JpegOptions subsampling(Subsampling s) {
        return new JpegOptions(quality, s, progressive, background);
    }

    public JpegOptions progressive(boolean p) {
        return new JpegOptions(quality, subsampling, p, background);
    }

    public JpegOptions background(int rgb) {
        return new JpegOptions(quality, subsampling, progressive, rgb & 0xFFFFFF);
    }

    /** The subsampling actually used: the one set, or 4:2:0 below quality 90 and 4:4:4 from 90. */
    public Subsampling effectiveSubsampling() {
        return subsampling != null ? subsampling : quality < 90 ? Subsampling.S420 : Subsampling.S444;
    }
}
