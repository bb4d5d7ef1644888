package dev.lamina.server.render;

import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.Node;
import dev.lamina.recipe.Recipe;
import dev.lamina.recipe.RecipeException;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.server.http.Problem;
import dev.lamina.text.FontLibrary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The service's recipes: lamina-recipe's layer trees (docs/recipes.md), assets from the request's
 * parts and the store. Errors keep the recipe's JSON path as the problem's {@code field}: 400 for a
 * body that is not JSON, 422 for a recipe that is not valid, 404 for an unknown asset (from the
 * resolver), 413 for one over a limit. Text uses the bundled fonts.
 */
final class LayerTreeRecipes implements RecipeRenderer {
    private static final FontLibrary FONTS = FontLibrary.withBundled();

    LayerTreeRecipes() {
        // Load the schema, the validator and the bundled fonts now, at the server's start: the first
        // request would otherwise spend its deadline loading classes and parsing fonts.
        RecipeParser.parse("{\"version\": 1, \"canvas\": {\"width\": 1, \"height\": 1}, \"layers\": []}");
    }

    @Override
    public Rendering render(byte[] body, AssetResolver assets, RecipeLimits limits) {
        try {
            Recipe recipe = RecipeParser.parse(body);
            // Intermediate images (a rotated tile's square, a shadow's margins) may be larger than
            // the output; the output itself is held to outputPixels by the render service.
            long intermediate = Math.min(Limits.DEFAULT_MAX_PIXELS, Limits.product(4, limits.outputPixels()));
            dev.lamina.recipe.RecipeLimits rl = dev.lamina.recipe.RecipeLimits.defaults()
                    .core(Limits.defaults().maxPixels(Math.max(intermediate, limits.outputPixels())))
                    .maxLayers(limits.layers()).maxNesting(limits.nesting()).maxTextLength(limits.textLength());
            LaminaImage image = Recipes.render(recipe, assets(assets), FONTS, rl, 8);
            return new Rendering(image, sha256(body), count(recipe.layers()));
        } catch (RecipeException e) {
            String field = e.path().isEmpty() ? "$" : e.path();
            throw switch (e.problem()) {
                case SYNTAX -> Problem.badRequest("the body is " + e.detail(), field);
                case INVALID -> Problem.invalid(e.detail(), field);
                case NOT_FOUND -> Problem.invalid(e.detail(), field);   // fonts; assets answer 404 from the resolver
                case TOO_LARGE -> Problem.tooLarge(e.detail(), field);
            };
        } catch (LaminaException e) {
            // an asset that cannot be opened, or a value core refuses; deadlines, cancellations and
            // I/O keep their own answers (504, 503, 500) from the render service
            switch (e.kind()) {
                case LIMIT_EXCEEDED -> throw Problem.tooLarge(e.getMessage(), "$");
                case BAD_INPUT, UNSUPPORTED -> throw Problem.invalid(e.getMessage(), "$");
                default -> throw e;
            }
        }
    }

    /** The resolver as the recipe's assets: headers for the checks, thumbnails for resized layers. */
    private static Assets assets(AssetResolver resolver) {
        return new Assets() {
            @Override
            public LaminaImage image(String name, String path) {
                return resolver.resolve(name, path);
            }

            @Override
            public LaminaImage header(String name, String path) {
                return resolver.header(name, path);
            }

            @Override
            public LaminaImage thumbnail(String name, String path, ThumbnailOptions options) {
                return resolver.thumbnail(name, path, options);
            }
        };
    }

    /** Layers in the whole tree, for the memory estimate. */
    private static int count(List<Node> nodes) {
        int n = 0;
        for (Node node : nodes) {
            n++;
            if (node instanceof Node.Group g) {
                n += count(g.layers());
            } else if (node instanceof Node.Tile t) {
                n += count(List.of(t.layer()));
            }
        }
        return n;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
