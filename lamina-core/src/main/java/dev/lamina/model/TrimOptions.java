package dev.lamina.model;

/**
 * What {@link LaminaImage#trim(TrimOptions)} cuts away, as sharp's {@code trim}: the rule is in
 * {@code geometry/Trim} and docs/decisions.md.
 *
 * <p>Immutable and thread-safe.
 *
 * @param background the border's colour, {@code 0xAARRGGBB} (a grey image compares with its Rec. 709
 *                   luma; alpha counts only for an image with alpha), or null (the default) for the
 *                   top-left pixel
 * @param threshold  how far (in 8-bit units, whatever the sample format) any band may differ from the
 *                   background and still be border; 10 by default, as sharp and libvips
 * @param lineArt    skip the 3x3 median that ignores isolated noise, so a one-pixel line counts as
 *                   content (sharp's {@code lineArt}); off by default
 */
public record TrimOptions(Integer background, double threshold, boolean lineArt) {

    public TrimOptions {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw LaminaException.badInput("trim: the threshold must be a number of at least 0, not " + threshold);
        }
    }

    /** The top-left pixel as background, threshold 10, with the median. */
    public static TrimOptions defaults() {
        return new TrimOptions(null, 10, false);
    }

    public TrimOptions background(int argb) {
        return new TrimOptions(argb, threshold, lineArt);
    }

    public TrimOptions threshold(double t) {
        return new TrimOptions(background, t, lineArt);
    }

    public TrimOptions lineArt(boolean on) {
        return new TrimOptions(background, threshold, on);
    }
}
