package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;

/**
 * Options of the lossless encoder.
 *
 * @param effort 0 (fastest) to 9 (smallest); see docs/webp.md for what each level does
 * @param exact  keep the RGB of fully transparent pixels; when false (libwebp's default too) their
 *               colour is whatever compresses best (black, or the colour predicted from their
 *               neighbours), which no viewer can tell apart; alpha is always kept
 */
public record Vp8lEncodeOptions(int effort, boolean exact) {
    public static final int DEFAULT_EFFORT = 6;

    public Vp8lEncodeOptions {
        if (effort < 0 || effort > 9) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "lossless WebP effort must be 0 to 9, not " + effort);
        }
    }

    public static Vp8lEncodeOptions defaults() {
        return new Vp8lEncodeOptions(DEFAULT_EFFORT, false);
    }

    public Vp8lEncodeOptions effort(int e) {
        return new Vp8lEncodeOptions(e, exact);
    }

    public Vp8lEncodeOptions exact(boolean x) {
        return new Vp8lEncodeOptions(effort, x);
    }
}
