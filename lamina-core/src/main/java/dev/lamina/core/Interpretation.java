package dev.lamina.core;

/** What the colour bands mean. Alpha, when present, is always the last band. */
public enum Interpretation {
    /** One colour band: grey (with an optional alpha band after it). */
    GREY(1),
    /** Three colour bands: sRGB red, green, blue (with an optional alpha band after them). */
    RGB(3);

    /** Number of colour (non-alpha) bands. */
    public final int colourBands;

    Interpretation(int colourBands) {
        this.colourBands = colourBands;
    }
}
