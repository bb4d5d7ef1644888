package dev.lamina.recipe;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Asset names to images: files beside the recipe or named on the command line, or a service's
 * store. Opening reads headers only; pixels are read when the render pulls them.
 *
 * <p>A render asks each name once for {@link #header} (its size, for the checks) and at most once
 * for {@link #image} (its pixels), and asks {@link #thumbnail} for every image layer that resizes
 * the asset without a crop, so that a source that can open the asset again lets a JPEG decode at
 * 1/2, 1/4 or 1/8 of its size (shrink-on-load) instead of decoding it whole and resizing that.
 */
@FunctionalInterface
public interface Assets {
    /**
     * The image called {@code name}, or a {@link RecipeException} ({@link RecipeException.Problem#NOT_FOUND})
     * naming {@code path}, the JSON path that asked for it.
     */
    LaminaImage image(String name, String path);

    /**
     * The image for its size and layout only: no pixels are read from it (the checks, a canvas
     * sized by the asset, the box of a layer that {@link #thumbnail} loads), or null, the default,
     * when {@link #image} serves for that too. A source whose {@code image} costs more than opening
     * the file (a service that decodes hot assets into memory) returns the merely opened image here.
     */
    default LaminaImage header(String name, String path) {
        return null;
    }

    /**
     * The asset made to fit the options' box, as an image layer draws it: resampled at 16 bits,
     * the asset opened again so that the decoder may shrink on load ({@code Lamina.thumbnail(file,
     * options, load, 16)}); or null, the default, when this source cannot open it again: the layer
     * then resizes {@link #image}'s pixels (the same pixels, without the shrink on load).
     */
    default LaminaImage thumbnail(String name, String path, ThumbnailOptions options) {
        return null;
    }

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

    /**
     * Assets that are files: {@code locate} gives the file of a name (or throws the
     * {@link RecipeException} that says why there is none); images are opened with {@code load},
     * and layers that resize one load it again with the shrink on load.
     */
    static Assets files(BiFunction<String, String, Path> locate, LoadOptions load) {
        return new Assets() {
            @Override
            public LaminaImage image(String name, String path) {
                return Lamina.open(locate.apply(name, path), load);
            }

            @Override
            public LaminaImage thumbnail(String name, String path, ThumbnailOptions options) {
                return Lamina.thumbnail(locate.apply(name, path), options, load, 16);
            }
        };
    }

    /** The error for an unknown asset: {@code layers[2].mask.source: no such asset "logo2" (known: ...)}. */
    static RecipeException notFound(String name, String path, java.util.Set<String> known) {
        return new RecipeException(RecipeException.Problem.NOT_FOUND, path, "no such asset \"" + name + "\""
                + (known.isEmpty() ? "" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }
}
