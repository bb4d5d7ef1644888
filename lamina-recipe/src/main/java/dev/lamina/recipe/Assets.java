package dev.lamina.recipe;

import dev.lamina.LaminaImage;

import java.util.Map;
import java.util.TreeSet;

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

    /** Assets held in a map (already opened or pinned images). */
    static Assets of(Map<String, LaminaImage> images) {
        Map<String, LaminaImage> copy = Map.copyOf(images);
        return (name, path) -> {
            LaminaImage img = copy.get(name);
            if (img == null) {
                throw notFound(name, path, copy.keySet());
            }
            return img;
        };
    }

    /** The error for an unknown asset: {@code layers[2].mask.source: no such asset "logo2" (known: ...)}. */
    static RecipeException notFound(String name, String path, java.util.Set<String> known) {
        return new RecipeException(RecipeException.Problem.NOT_FOUND, path, "no such asset \"" + name + "\""
                + (known.isEmpty() ? "" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }
}
