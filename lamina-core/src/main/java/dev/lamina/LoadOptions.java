package dev.lamina;

/**
 * How to read an image: the safety limits, whether to turn JPEGs upright from their EXIF
 * orientation (on by default, as sharp's rotate() and most viewers do), and whether to fail on
 * corrupt data (on by default) or keep what decoded.
 *
 * <p>Immutable and thread-safe.
 */
public record LoadOptions(Limits limits, boolean autoOrient, boolean failOnError) {

    public LoadOptions {
        if (limits == null) {
            limits = Limits.defaults();
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(Limits.defaults(), true, true);
    }

    public LoadOptions limits(Limits l) {
        return new LoadOptions(l, autoOrient, failOnError);
    }

    public LoadOptions autoOrient(boolean on) {
        return new LoadOptions(limits, on, failOnError);
    }

    public LoadOptions failOnError(boolean on) {
        return new LoadOptions(limits, autoOrient, on);
    }
}
