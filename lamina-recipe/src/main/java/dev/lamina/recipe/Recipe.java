package dev.lamina.recipe;

import dev.lamina.model.Paint;
import dev.lamina.model.ThumbnailOptions.Fit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A layer-tree recipe: a canvas and the layers drawn on it, bottom first. The JSON form
 * ({@link RecipeParser}, schema {@code recipe-v1.schema.json}) and this Java form are the same tree:
 * a parsed recipe equals the one built in code.
 *
 * <pre>{@code
 * Recipe r = Recipe.of(Canvas.of(1200, 630, Paint.solid(0xffffff)),
 *         Node.fill(Paint.linear(0, 0, 1200, 630, Paint.stop(0, 0x1e3c72), Paint.stop(1, 0x2a5298))),
 *         Node.image("photo").at(60, 60).size(480, 510, Fit.COVER).clip(Geometry.roundedRect(60, 60, 480, 510, 32)));
 * }</pre>
 *
 * @param version the recipe language's version (1)
 * @param canvas  the output's size and background
 * @param layers  the layers, bottom first
 */
public record Recipe(int version, Canvas canvas, List<Node> layers) {
    /** The version this library reads and writes. */
    public static final int VERSION = 1;

    public Recipe {
        Objects.requireNonNull(canvas, "canvas");
        layers = List.copyOf(layers);
    }

    public static Recipe of(Canvas canvas, Node... layers) {
        return new Recipe(VERSION, canvas, Arrays.asList(layers));
    }

    /**
     * The output's size, and its background: an opaque or translucent colour, or transparent. The
     * size is given, or taken from an asset: its own size, or the size an image layer of that asset
     * with the same width, height and fit has (a thumbnail's canvas without knowing the photo's
     * aspect ratio).
     *
     * @param width      pixels; 0 with an asset: from the asset
     * @param height     pixels; 0 with an asset: from the asset
     * @param background the colour under every layer; {@code null}: transparent
     * @param asset      the asset whose size the canvas takes, or {@code null}
     * @param fit        how the asset is fitted to width x height when both are given
     */
    public record Canvas(int width, int height, Paint.Solid background, String asset, Fit fit) {
        public Canvas {
            java.util.Objects.requireNonNull(fit, "fit");
        }

        public static Canvas of(int width, int height, Paint.Solid background) {
            return new Canvas(width, height, background, null, Fit.FILL);
        }

        public static Canvas transparent(int width, int height) {
            return new Canvas(width, height, null, null, Fit.FILL);
        }

        /** The size of {@code asset} resized to width x height by {@code fit} (0: that side follows the aspect ratio). */
        public static Canvas ofAsset(String asset, int width, int height, Fit fit, Paint.Solid background) {
            return new Canvas(width, height, background, asset, fit);
        }
    }
}
