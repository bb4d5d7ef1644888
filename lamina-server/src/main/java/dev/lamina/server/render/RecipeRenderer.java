package dev.lamina.server.render;

import dev.lamina.LaminaImage;

/**
 * The seam between the service and the recipe language: a request body in, an image graph out
 * (nothing computed yet). {@code POST /v1/render} and the presets both come through here. The
 * implementation is {@link LayerTreeRecipes}, lamina-recipe's layer trees (docs/recipes.md);
 * {@link LaminaRenderers#recipes()} is the one line that chooses.
 *
 * <p>Errors are {@link dev.lamina.server.http.Problem}s naming the JSON path at fault: 400 for a
 * body that is not JSON, 422 for a recipe that is JSON but wrong, 404 for an unknown asset (the
 * resolver throws it), 413 for a recipe over a limit. Implementations are thread-safe.
 */
public interface RecipeRenderer {

    /**
     * @param recipe the recipe as sent (UTF-8 JSON)
     * @param assets resolves asset names to images; the server records each asset's version for
     *               the ETag
     * @param limits what a recipe may ask for
     */
    Rendering render(byte[] recipe, AssetResolver assets, RecipeLimits limits);

    /**
     * @param image  the graph to encode
     * @param etag   this recipe's contribution to the ETag: equal for recipes that render the
     *               same given the same assets (the server adds asset versions and the format)
     * @param layers how many layers it stacks, for the memory estimate
     */
    record Rendering(LaminaImage image, String etag, int layers) {
    }

    /** Limits a recipe is checked against before anything is rendered. */
    record RecipeLimits(int layers, int nesting, int textLength, long outputPixels) {
    }
}
