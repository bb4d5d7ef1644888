package dev.lamina.model;

/**
 * How to write WebP: lossy (VP8) at a quality, or lossless (VP8L); and how hard to work.
 *
 * <p>{@code quality} 0-100 (75 by default) has {@code cwebp -q}'s meaning for lossy output: the
 * same quantisers follow from it, so files are of comparable size and fidelity (docs/webp.md has
 * the comparison). {@code effort} 0-6 (4 by default) is {@code cwebp -m}: lower is faster, higher
 * tries more modes; for lossless output it maps onto the lossless encoder's 0-9 levels
 * ({@code effort * 3 / 2}, so the default 4 is lossless level 6). Alpha is kept in both modes:
 * losslessly, in the ALPH chunk beside a lossy frame.
 *
 * <p>Immutable and thread-safe.
 * @param quality  0-100; used by lossy output only
 * @param lossless VP8L instead of VP8
 * @param effort   0-6
 */
public record WebpOptions(int quality, boolean lossless, int effort) implements SaveOptions {
    public WebpOptions {
        if (quality < 0 || quality > 100) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "WebP quality must be 0 to 100, not " + quality);
        }
        if (effort < 0 || effort > 6) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "WebP effort must be 0 to 6, not " + effort);
        }
    }

    public static WebpOptions webp() {
        return new WebpOptions(75, false, 4);
    }

    public WebpOptions quality(int q) {
        return new WebpOptions(q, lossless, effort);
    }

    public WebpOptions lossless(boolean l) {
        return new WebpOptions(quality, l, effort);
    }

    public WebpOptions effort(int e) {
        return new WebpOptions(quality, lossless, e);
    }
}
