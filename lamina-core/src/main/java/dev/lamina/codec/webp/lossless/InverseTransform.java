package dev.lamina.codec.webp.lossless;

/**
 * The decoder's half of one VP8L transform, applied one row at a time, top to bottom. Each
 * stage owns its output rows (the predictor needs its previous output row), so the row it
 * returns stays valid until its next call.
 */
interface InverseTransform {
    /** Width of the rows it takes (the coded width: smaller than the image for bundled palettes). */
    int inWidth();

    /** Undoes the transform for row {@code y}; returns a row of the image's width. */
    int[] apply(int[] in, int y);
}
