package dev.lamina.recipe;

import dev.lamina.model.LaminaException;
import dev.lamina.text.FontLibrary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the layer kinds and common fields mean, on shapes aligned to whole pixels so that every
 * expected value follows from the definitions (source-over, isolation, clip, tiling, masks) by
 * hand.
 */
class RecipeSemanticsTest {

    static int[] px(String layers, int w, int h, int x, int y) {
        String json = "{\"version\": 1, \"canvas\": {\"width\": " + w + ", \"height\": " + h + ", \"background\": \"#ffffff\"}, \"layers\": ["
                + layers + "]}";
        byte[] p = Recipes.render(RecipeParser.parse(json), (n, path) -> {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "no assets");
        }, FontLibrary.withBundled(), RecipeLimits.defaults(), 8).pixels8();
        int i = (y * w + x) * 3;
        return new int[]{p[i] & 0xFF, p[i + 1] & 0xFF, p[i + 2] & 0xFF};
    }

    static String rect(int x, int y, int w, int h, String colour) {
        return "{\"type\": \"shape\", \"shape\": {\"rect\": {\"x\": " + x + ", \"y\": " + y + ", \"width\": " + w + ", \"height\": " + h
                + "}}, \"fill\": \"" + colour + "\"}";
    }

    @Test
    void aGroupIsCompositedAloneThenBlendedWithItsOpacity() {
        String two = rect(0, 0, 10, 10, "#ff0000") + ", " + rect(5, 0, 10, 10, "#0000ff");
        // isolated: the overlap is blue, then at half opacity over white: (127.5, 127.5, 255), halves up
        assertEquals(java.util.List.of(128, 128, 255), list(px("{\"type\": \"group\", \"opacity\": 0.5, \"layers\": [" + two + "]}",
                20, 10, 7, 5)));
        // not isolated (each layer at half): red over white (255, 127.5, 127.5), then blue at half
        // over that: (127.5, 63.75, 191.25)
        String halves = two.replace("\"fill\"", "\"opacity\": 0.5, \"fill\"");
        assertEquals(java.util.List.of(128, 64, 191), list(px(halves, 20, 10, 7, 5)));
    }

    @Test
    void aClipKeepsTheLayerInsideItsShape() {
        String clipped = "{\"type\": \"fill\", \"paint\": \"#00ff00\", \"clip\": {\"rect\": {\"x\": 2, \"y\": 2, \"width\": 4, \"height\": 4}}}";
        assertEquals(java.util.List.of(0, 255, 0), list(px(clipped, 8, 8, 3, 3)));
        assertEquals(java.util.List.of(255, 255, 255), list(px(clipped, 8, 8, 1, 1)));
        assertEquals(java.util.List.of(255, 255, 255), list(px(clipped, 8, 8, 6, 3)));
    }

    @Test
    void aTileRepeatsItsCellWithTheSpacing() {
        String tile = "{\"type\": \"tile\", \"spacing\": [2, 2], \"offset\": [3, 0], \"layer\": " + rect(0, 0, 2, 2, "#000000") + "}";
        // cells of 4 x 4 anchored at (3, 0): black at x = 3, 4, 7, 8 (and 0, from the cell at -1)
        // and y = 0, 1, 4, 5
        assertEquals(java.util.List.of(0, 0, 0), list(px(tile, 12, 8, 3, 0)));
        assertEquals(java.util.List.of(0, 0, 0), list(px(tile, 12, 8, 8, 5)));
        assertEquals(java.util.List.of(255, 255, 255), list(px(tile, 12, 8, 1, 0)));
        assertEquals(java.util.List.of(255, 255, 255), list(px(tile, 12, 8, 3, 2)));
        assertEquals(java.util.List.of(0, 0, 0), list(px(tile, 12, 8, 0, 4)), "the grid covers the canvas left of its anchor too");
    }

    @Test
    void masksByAlphaLuminanceAndInverted() {
        String grey = "{\"type\": \"shape\", \"shape\": {\"rect\": {\"x\": 0, \"y\": 0, \"width\": 4, \"height\": 8}}, \"fill\": \"#808080\"}";
        String red = "{\"type\": \"fill\", \"paint\": \"#ff0000\", \"mask\": {\"mode\": \"%s\", \"invert\": %s, \"layer\": " + grey + "}}";
        // alpha: the grey rectangle is opaque, so red shows fully inside it and not outside
        assertEquals(java.util.List.of(255, 0, 0), list(px(red.formatted("alpha", "false"), 8, 8, 1, 1)));
        assertEquals(java.util.List.of(255, 255, 255), list(px(red.formatted("alpha", "false"), 8, 8, 6, 1)));
        // luminance of #808080 is 128/255 (the coefficients add up to 1): red at 128/255 over white
        // gives (255, 127, 127) (127.0 exactly)
        assertEquals(java.util.List.of(255, 127, 127), list(px(red.formatted("luminance", "false"), 8, 8, 1, 1)));
        // inverted alpha: red only where the rectangle is not
        assertEquals(java.util.List.of(255, 255, 255), list(px(red.formatted("alpha", "true"), 8, 8, 1, 1)));
        assertEquals(java.util.List.of(255, 0, 0), list(px(red.formatted("alpha", "true"), 8, 8, 6, 1)));
    }

    @Test
    void blendModesApplyToTheLayer() {
        String multiply = "{\"type\": \"fill\", \"paint\": \"#808080\"}, {\"type\": \"fill\", \"paint\": \"#ff8000\", \"blend\": \"multiply\"}";
        // multiply of opaque colours: 128 x 255 / 255 = 128, 128 x 128 / 255 = 64.25, 0
        assertEquals(java.util.List.of(128, 64, 0), list(px(multiply, 4, 4, 1, 1)));
    }

    private static java.util.List<Integer> list(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
