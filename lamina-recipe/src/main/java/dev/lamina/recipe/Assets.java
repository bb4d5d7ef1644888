package dev.lamina.recipe;

import dev.lamina.LaminaImage;

/**
 * Asset names to images: files beside the recipe or named on the command line, or a service's
 * store. Opening reads headers only; pixels are read when the render pulls them.
 */
@FunctionalInterface
public interface Assets {
    /**
     * The image called {@code name}, or a {@link RecipeException} ({@link RecipeException.Problem#NOT_FOUND})
     * naming {@code path}, the JSON path that asked for it.
     */
    LaminaImage image(String name, String path);
}
