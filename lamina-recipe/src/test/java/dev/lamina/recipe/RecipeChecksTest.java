package dev.lamina.recipe;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.text.FontLibrary;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad recipes are refused before anything is drawn, with the JSON path and the problem; limits can be raised. */
class RecipeChecksTest {
    static final Assets ASSETS = Assets.of(Map.of("logo", Lamina.canvas(40, 30, 0x336699), "photo", Lamina.canvas(300, 200, 0x884422)));

    static RecipeException refused(String json) {
        return refused(json, RecipeLimits.defaults());
    }

    static RecipeException refused(String json, RecipeLimits limits) {
        return assertThrows(RecipeException.class, () -> render(json, limits));
    }

    static LaminaImage render(String json, RecipeLimits limits) {
        return Recipes.render(RecipeParser.parse(json), ASSETS, FontLibrary.withBundled(), limits, 8);
    }

    static String recipe(int w, int h, String layers) {
        return "{\"version\": 1, \"canvas\": {\"width\": " + w + ", \"height\": " + h + "}, \"layers\": [" + layers + "]}";
    }

    static final String FILL = "{\"type\": \"fill\", \"paint\": \"#000000\"}";

    @Test
    void unknownAssetNamesThePathAndTheKnownAssets() {
        RecipeException e = refused(recipe(10, 10, FILL + "," + FILL + ", {\"type\": \"fill\", \"paint\": \"#ffffff\", \"mask\": {\"source\": \"logo2\"}}"));
        assertEquals("layers[2].mask.source: no such asset \"logo2\" (known: logo, photo)", e.getMessage());
        assertEquals(RecipeException.Problem.NOT_FOUND, e.problem());
    }

    @Test
    void unknownFont() {
        RecipeException e = refused(recipe(10, 10, "{\"type\": \"text\", \"text\": \"hi\", \"font\": \"Comic Sans\"}"));
        assertEquals("layers[0].font", e.path());
        assertEquals(true, e.detail().startsWith("no such font family \"Comic Sans\" (known: DejaVu Sans"), e.detail());
        assertEquals(RecipeException.Problem.NOT_FOUND, e.problem());
    }

    @Test
    void maskReferringToItselfIsACycle() {
        RecipeException e = refused(recipe(10, 10, "{\"type\": \"fill\", \"paint\": \"#000000\", \"id\": \"a\", \"mask\": {\"ref\": \"a\"}}"));
        assertEquals("layers[0].mask.ref: the masks refer to each other in a cycle: layers[0] -> layers[0]", e.getMessage());
    }

    @Test
    void maskReferringToItsOwnGroupIsACycle() {
        RecipeException e = refused(recipe(10, 10, "{\"type\": \"group\", \"id\": \"g\", \"layers\": [" + FILL + ", "
                + "{\"type\": \"fill\", \"paint\": \"#ffffff\", \"mask\": {\"ref\": \"g\"}}]}"));
        assertEquals("layers[0].layers[1].mask.ref: the masks refer to each other in a cycle: layers[0] -> layers[0].layers[1] -> layers[0]",
                e.getMessage());
    }

    @Test
    void twoMasksReferringToEachOtherAreACycle() {
        RecipeException e = refused(recipe(10, 10, "{\"type\": \"fill\", \"paint\": \"#000000\", \"id\": \"a\", \"mask\": {\"ref\": \"b\"}},"
                + "{\"type\": \"fill\", \"paint\": \"#000000\", \"id\": \"b\", \"mask\": {\"ref\": \"a\"}}"));
        assertEquals(true, e.detail().startsWith("the masks refer to each other in a cycle"), e.getMessage());
    }

    @Test
    void referenceToNoLayerAndDuplicateIds() {
        assertEquals("layers[0].mask.ref: no layer has the id \"nope\"",
                refused(recipe(10, 10, "{\"type\": \"fill\", \"paint\": \"#000000\", \"mask\": {\"ref\": \"nope\"}}")).getMessage());
        assertEquals("layers[1].id: the id \"a\" is already used by layers[0]",
                refused(recipe(10, 10, "{\"type\": \"fill\", \"paint\": \"#000000\", \"id\": \"a\"},"
                        + "{\"type\": \"fill\", \"paint\": \"#000000\", \"id\": \"a\"}")).getMessage());
    }

    @Test
    void absurdSizes() {
        RecipeException canvas = refused(recipe(100_000, 100_000, FILL));
        assertEquals("canvas: 100000x100000 is over the pixel limit of 268402689", canvas.getMessage());
        assertEquals(RecipeException.Problem.TOO_LARGE, canvas.problem());
        assertEquals("layers[0].width: 1000000x666667 is over the pixel limit of 268402689",
                refused(recipe(10, 10, "{\"type\": \"image\", \"asset\": \"photo\", \"width\": 1000000}")).getMessage());
        assertEquals("layers[0].crop: 50x50 at (280, 0) is not inside the 300x200 image \"photo\"",
                refused(recipe(10, 10, "{\"type\": \"image\", \"asset\": \"photo\", \"crop\": {\"x\": 280, \"y\": 0, \"width\": 50, \"height\": 50}}")).getMessage());
    }

    @Test
    void absurdSigmaAndItsRaisedLimit() {
        String blur = recipe(10, 10, "{\"type\": \"fill\", \"paint\": \"#000000\", \"effects\": [{\"type\": \"blur\", \"sigma\": 300}]}");
        assertEquals("layers[0].effects[0].sigma: sigma 300.0 is over the limit of 250.0 pixels", refused(blur).getMessage());
        render(blur, RecipeLimits.defaults().maxSigma(400));
    }

    @Test
    void nestingTooDeep() {
        String layer = FILL;
        for (int i = 0; i < 20; i++) {
            layer = "{\"type\": \"group\", \"layers\": [" + layer + "]}";
        }
        RecipeException e = refused(recipe(10, 10, layer));
        assertEquals(true, e.getMessage().startsWith("layers[0]" + ".layers[0]".repeat(16) + ": nested 17 deep, over the limit of 16"), e.getMessage());
        render(recipe(10, 10, layer), RecipeLimits.defaults().maxNesting(32));
    }

    @Test
    void tooManyLayers() {
        String layers = String.join(",", java.util.Collections.nCopies(300, FILL));
        assertEquals("layers[256]: the recipe has more than 256 layers", refused(recipe(4, 4, layers)).getMessage());
    }

    @Test
    void textTooLong() {
        String text = "{\"type\": \"text\", \"text\": \"" + "a".repeat(6000) + "\"}";
        assertEquals("layers[1].text: the recipe's text is over the limit of 10000 characters",
                refused(recipe(10, 10, text + "," + text)).getMessage());
    }

    @Test
    void estimatedPixelsOverTheLimit() {
        String layers = String.join(",", java.util.Collections.nCopies(100, FILL));
        RecipeException e = refused(recipe(4000, 4000, layers));
        assertEquals(true, e.getMessage().startsWith("recipe: the layers' images add up to about "), e.getMessage());
        render(recipe(4000, 4000, layers), RecipeLimits.defaults().maxWorkPixels(2_000_000_000L));
    }

    @Test
    void estimatedMemoryOverTheBudget() {
        String tile = "{\"type\": \"tile\", \"rotate\": 30, \"layer\": {\"type\": \"image\", \"asset\": \"logo\"}}";
        RecipeException e = refused(recipe(2000, 2000, tile), RecipeLimits.defaults().core(Limits.defaults().maxMemoryBytes(16 << 20)));
        assertEquals("recipe: the images the render holds whole need about 61 MiB, over the memory budget of 16 MiB", e.getMessage());
        render(recipe(2000, 2000, tile), RecipeLimits.defaults());
    }

    @Test
    void canvasSizedByAnAsset() {
        String whole = "{\"version\": 1, \"canvas\": {\"asset\": \"photo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"photo\"}]}";
        LaminaImage a = render(whole, RecipeLimits.defaults());
        assertEquals(300, a.width());
        assertEquals(200, a.height());
        String thumb = "{\"version\": 1, \"canvas\": {\"asset\": \"photo\", \"width\": 150}, \"layers\": [{\"type\": \"image\", \"asset\": \"photo\", \"width\": 150}]}";
        LaminaImage b = render(thumb, RecipeLimits.defaults());
        assertEquals(150, b.width());
        assertEquals(100, b.height());
        String inside = "{\"version\": 1, \"canvas\": {\"asset\": \"photo\", \"width\": 64, \"height\": 64, \"fit\": \"inside\"}, \"layers\": []}";
        LaminaImage c = render(inside, RecipeLimits.defaults());
        assertEquals(64, c.width());
        assertEquals(43, c.height());
        assertEquals("canvas.asset: no such asset \"nope\" (known: logo, photo)",
                refused("{\"version\": 1, \"canvas\": {\"asset\": \"nope\"}, \"layers\": []}").getMessage());
        assertEquals("canvas: required property 'width' not found",
                assertThrows(RecipeException.class, () -> RecipeParser.parse("{\"version\": 1, \"canvas\": {\"height\": 3}, \"layers\": []}")).getMessage());
    }

    @Test
    void badValuesFromTheBuilderAreCheckedToo() {
        Recipe r = Recipe.of(Recipe.Canvas.transparent(10, 10), Node.fill(dev.lamina.model.Paint.solid(0)).opacity(3));
        RecipeException e = assertThrows(RecipeException.class, () -> Recipes.render(r, ASSETS));
        assertEquals("layers[0].opacity: must be from 0 to 1, not 3.0", e.getMessage());
    }
}
