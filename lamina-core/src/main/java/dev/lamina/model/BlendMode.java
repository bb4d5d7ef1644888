package dev.lamina.model;

import java.util.Locale;

/**
 * How a layer (the source) is combined with what is below it (the destination): the twelve
 * Porter-Duff operators, libvips' add and saturate, and the separable blend modes of W3C
 * Compositing and Blending Level 1 (which composite with source-over).
 */
public enum BlendMode {
    CLEAR, SOURCE, OVER, IN, OUT, ATOP, DEST, DEST_OVER, DEST_IN, DEST_OUT, DEST_ATOP, XOR,
    ADD, SATURATE,
    MULTIPLY, SCREEN, OVERLAY, DARKEN, LIGHTEN, COLOUR_DODGE, COLOUR_BURN, HARD_LIGHT, SOFT_LIGHT,
    DIFFERENCE, EXCLUSION;

    /** The name used on the command line and in recipes: lower case with hyphens. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a CLI name ({@code over}, {@code dest-over}, {@code colour-dodge} or {@code color-dodge}). */
    public static BlendMode parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace("COLOR", "COLOUR");
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            StringBuilder modes = new StringBuilder();
            for (BlendMode m : values()) {
                modes.append(modes.isEmpty() ? "" : ", ").append(m.cliName());
            }
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "unknown blend mode '" + s + "' (" + modes + ")");
        }
    }
}
