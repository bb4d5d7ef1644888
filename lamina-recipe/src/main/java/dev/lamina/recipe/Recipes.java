package dev.lamina.recipe;

import dev.lamina.LaminaImage;
import dev.lamina.text.FontLibrary;

/**
 * Renders recipes: checks everything that can be checked first (schema, assets, fonts, references,
 * limits), then builds the image graph. Nothing is drawn until the caller saves or encodes the
 * result, strip by strip like any Lamina image.
 *
 * <pre>{@code
 * Recipe r = RecipeParser.parse(Files.readAllBytes(Path.of("card.json")));
 * Recipes.render(r, (name, path) -> Lamina.open(dir.resolve(name + ".png")), FontLibrary.withBundled(),
 *         RecipeLimits.defaults(), 8).save(Path.of("card.png"));
 * }</pre>
 */
public final class Recipes {
    private Recipes() {
    }

    /**
     * @param bitDepth 8 or 16: the result's depth, the one rounding of the whole tree
     */
    public static LaminaImage render(Recipe recipe, Assets assets, FontLibrary fonts, RecipeLimits limits, int bitDepth) {
        if (recipe.version() != Recipe.VERSION) {
            throw new RecipeException(RecipeException.Problem.INVALID, "version",
                    "this Lamina reads recipes of version " + Recipe.VERSION + ", not " + recipe.version());
        }
        TextRenderer text = new TextRenderer(fonts, limits.maxTextLength());
        RecipeChecks checks = new RecipeChecks(recipe, assets, text, limits);
        checks.run();
        return new Evaluator(recipe, checks.canvas, checks.assets, checks.paths, checks.ids, text).render(bitDepth);
    }

    /** The same, 8 bits, bundled fonts, default limits. */
    public static LaminaImage render(Recipe recipe, Assets assets) {
        return render(recipe, assets, FontLibrary.withBundled(), RecipeLimits.defaults(), 8);
    }
}
