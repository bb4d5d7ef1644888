package dev.lamina.server.render;

import dev.lamina.LaminaImage;

/** Asset names to images, for a {@link RecipeRenderer}. One per request; used by one thread. */
public interface AssetResolver {
    /**
     * The asset's image (decoded and pinned when it is hot, else opened from the store).
     *
     * @param field the JSON path that named it, put in the 404 when there is no such asset
     */
    LaminaImage resolve(String name, String field);
}
