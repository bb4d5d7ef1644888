package dev.lamina.model;

/** The PNG row filter the encoder applies; ADAPTIVE picks one per row (minimum sum of absolute differences). */
public enum PngFilter {
    NONE, SUB, UP, AVERAGE, PAETH, ADAPTIVE
}
