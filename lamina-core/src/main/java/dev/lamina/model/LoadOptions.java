package dev.lamina.model;

/**
 * How to read an image: the safety limits, whether to turn JPEGs upright from their EXIF
 * orientation (on by default, as sharp's rotate() and most viewers do), whether to fail on
 * corrupt data (on by default) or keep what decoded, and which page of a multi-page file (a TIFF)
 * to read (0, the first, by default, as libvips' {@code page}).
 *
 * <p>Immutable and thread-safe.
 */
public record LoadOptions(Limits limits, boolean autoOrient, boolean failOnError, int page) {

    public LoadOptions {
        if (limits == null) {
            limits = Limits.defaults();
        }
        if (page < 0) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "page must be 0 or more, not " + page);
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(Limits.defaults(), true, true, 0);
    }

    public LoadOptions limits(Limits l) {
        return new LoadOptions(l, autoOrient, failOnError, page);
    }

    public LoadOptions autoOrient(boolean on) {
        return new LoadOptions(limits, on, failOnError, page);
    }

    public LoadOptions failOnError(boolean on) {
        return new LoadOptions(limits, autoOrient, on, page);
    }

    /** Reads page {@code n} (from 0) of a multi-page file; formats with one image accept only 0. */
    public LoadOptions page(int n) {
        return new LoadOptions(limits, autoOrient, failOnError, n);
    }
}
