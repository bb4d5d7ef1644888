package dev.lamina.text;

import dev.lamina.model.LaminaException;

import java.util.Objects;

/**
 * How a text is laid out: its font and size in pixels (the em), the distance between baselines as
 * a multiple of the size, extra space between glyphs in pixels (negative tightens), the alignment
 * of each line, and the width at which lines wrap (0: lines break only at newlines).
 *
 * <pre>{@code
 * TextStyle.of(Font.bundled(), 32).withAlign(TextAlign.CENTER).withWrapWidth(400)
 * }</pre>
 *
 * <p>Immutable; invalid values are refused when the style is made.
 */
public record TextStyle(Font font, double size, double lineHeight, double letterSpacing,
                        TextAlign align, double wrapWidth) {
    /** The line height of {@link #of}: 1.2 times the size, CSS's {@code normal} for most fonts. */
    public static final double DEFAULT_LINE_HEIGHT = 1.2;
    /** Larger sizes are refused: a glyph 10 000 px tall is past any image Lamina would make by default. */
    public static final double MAX_SIZE = 10_000;

    public TextStyle {
        Objects.requireNonNull(font, "font");
        Objects.requireNonNull(align, "align");
        if (!(size > 0) || !(size <= MAX_SIZE)) {
            throw LaminaException.badInput("text size " + size + " is not valid (more than 0, at most " + (int) MAX_SIZE + " px)");
        }
        if (!(lineHeight > 0) || !(lineHeight <= 100)) {
            throw LaminaException.badInput("text line height " + lineHeight + " is not valid (a multiple of the size, more than 0, at most 100)");
        }
        if (!Double.isFinite(letterSpacing) || Math.abs(letterSpacing) > MAX_SIZE) {
            throw LaminaException.badInput("text letter spacing " + letterSpacing + " is not valid (pixels, at most "
                    + (int) MAX_SIZE + " either way)");
        }
        if (!(wrapWidth >= 0) || !Double.isFinite(wrapWidth)) {
            throw LaminaException.badInput("text wrap width " + wrapWidth + " is not valid (pixels, 0 for no wrapping)");
        }
    }

    /** {@code font} at {@code size} px, line height 1.2, no letter spacing, left-aligned, no wrapping. */
    public static TextStyle of(Font font, double size) {
        return new TextStyle(font, size, DEFAULT_LINE_HEIGHT, 0, TextAlign.LEFT, 0);
    }

    public TextStyle withFont(Font font) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }

    public TextStyle withSize(double size) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }

    public TextStyle withLineHeight(double lineHeight) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }

    public TextStyle withLetterSpacing(double letterSpacing) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }

    public TextStyle withAlign(TextAlign align) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }

    public TextStyle withWrapWidth(double wrapWidth) {
        return new TextStyle(font, size, lineHeight, letterSpacing, align, wrapWidth);
    }
}
