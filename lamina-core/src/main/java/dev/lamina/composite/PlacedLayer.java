package dev.lamina.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.core.Image;

/**
 * One layer as the build step prepared it: its image, where its top-left corner (or its tile grid's
 * anchor) lands on the base, and the kernels chosen for it. Immutable and shared by all threads.
 *
 * @param image      the layer's pixels (a sequential image that is tiled is read once into memory)
 * @param left       left edge on the base (tile anchor when tiled)
 * @param top        top edge on the base (tile anchor when tiled)
 * @param tiled      whether copies repeat over the whole base
 * @param opacity    multiplies the layer's alpha
 * @param mode       the blend mode
 * @param keepsOutside whether pixels outside the layer keep the destination (see {@link ModeKernel})
 * @param kernel     the mode's row kernel
 * @param loader     the layer's bands into the canonical layout
 * @param overU8     the byte kernel for over at full opacity on 8-bit data, or null
 */
record PlacedLayer(Image image, int left, int top, boolean tiled, double opacity, BlendMode mode,
                   boolean keepsOutside, ModeKernel kernel, CanonicalRows.Loader loader,
                   DirectU8.OverKernel overU8) {
}
