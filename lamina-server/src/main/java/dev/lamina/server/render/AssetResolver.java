package dev.lamina.server.render;

import dev.lamina.LaminaImage;
import dev.lamina.model.ThumbnailOptions;

/** Asset names to images, for a {@link RecipeRenderer}. One per request; used by one thread. */
public interface AssetResolver {
    /**
     * The asset's image (decoded and pinned when it is hot, else opened from the store).
     *
     * @param field the JSON path that named it, put in the 404 when there is no such asset
     */
    LaminaImage resolve(String name, String field);

    /**
     * The asset for its size only (a recipe's checks): no pixels are read from it, so it need not
     * be decoded or pinned; null, the default, when {@link #resolve} serves for that.
     */
    default LaminaImage header(String name, String field) {
        return null;
    }

    /**
     * The asset made to fit the options' box at 16 bits for an image layer, loaded again from its
     * bytes so that a JPEG may shrink on load; null, the default, when the layer should resize
     * {@link #resolve}'s image instead.
     */
    default LaminaImage thumbnail(String name, String field, ThumbnailOptions options) {
        return null;
    }
}
