package dev.lamina.model;

/**
 * Which value of an image becomes a mask's coverage (CSS Masking's {@code mask-mode}): its alpha,
 * or its luminance times its alpha.
 */
public enum MaskMode {
    /** The alpha band (1 for an image without one). */
    ALPHA,
    /**
     * {@code (0.2125 R + 0.7154 G + 0.0721 B) x alpha} on the stored (sRGB-encoded) values, CSS
     * Masking's luminance-to-alpha coefficients; a grey image's grey value times its alpha.
     */
    LUMINANCE
}
