package dev.lamina.recipe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.text.FontLibrary;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz target: a recipe from its bytes through parsing, schema validation, the checks before
 * rendering and the render's graph, with every pixel pulled when the canvas is at most 64 x 64
 * (larger ones would spend the fuzzer's time drawing). Every asset name resolves to a small
 * picture (names longer than 40 characters are unknown), so the fuzzer reaches the layer kinds
 * rather than stopping at "no such asset". The invariant: the recipe renders, or a
 * {@link LaminaException} that is not INTERNAL and whose message shows no Java class name (unless
 * the recipe itself wrote it, as a name the message quotes). Limits are small (1 megapixel, sigma
 * 20, 200 characters of text) so an input's time is bounded. Seeds: the examples and a few broken
 * recipes; bin/fuzz fuzzes it.
 */
class RecipeParserFuzzer {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|dev\\.lamina|com\\.fasterxml|com\\.networknt)\\.[a-z]"
            + "|[A-Z][A-Za-z]*(Exception|Error)\\b");
    private static final RecipeLimits LIMITS = RecipeLimits.defaults()
            .core(Limits.defaults().maxPixels(1 << 20).maxMemoryBytes(64L << 20))
            .maxSigma(20).maxTextLength(200).maxLayers(64).maxNesting(8).maxWorkPixels(8L << 20);
    private static final LaminaImage PICTURE = Lamina.canvas(64, 48, 0x3366cc, 0.75).pin();
    private static final FontLibrary FONTS = FontLibrary.withBundled();
    private static final Assets ASSETS = (name, path) -> {
        if (name.length() > 40) {
            throw Assets.notFound(name, path, java.util.Set.of());
        }
        return PICTURE;
    };

    @FuzzTest(maxDuration = "30s")
    void render(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Recipe recipe = RecipeParser.parse(data);
            LaminaImage image = Recipes.render(recipe, ASSETS, FONTS, LIMITS, 8);
            if ((long) image.width() * image.height() <= 64 * 64) {
                image.pixels8();   // drawing a large canvas would spend the fuzzer's time on pixels, not on parsing
            }
        } catch (LaminaException e) {
            String m = e.getMessage();
            if (e.kind() == LaminaException.Kind.INTERNAL) {
                throw new AssertionError("internal error: " + m, e);
            }
            if (m == null || m.isBlank()) {
                throw new AssertionError("an error without a message", e);
            }
            String input = new String(data, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            Matcher c = CLASS_NAME.matcher(m);
            while (c.find()) {
                if (!input.contains(c.group().toLowerCase(Locale.ROOT))) {
                    throw new AssertionError("the message shows a class name: " + m, e);
                }
            }
        }
    }
}
