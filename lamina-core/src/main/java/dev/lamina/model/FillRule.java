package dev.lamina.model;

/**
 * Which points a path encloses, as in SVG's {@code fill-rule}: a point is inside when the path
 * winds around it a non-zero number of times ({@link #NON_ZERO}, the default) or an odd number of
 * times ({@link #EVEN_ODD}). The two differ only where the path overlaps itself or where one
 * subpath lies inside another one drawn the same way round.
 */
public enum FillRule {
    NON_ZERO,
    EVEN_ODD
}
