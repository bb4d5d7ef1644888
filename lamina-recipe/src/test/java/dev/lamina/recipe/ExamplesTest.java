package dev.lamina.recipe;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.Paint;
import dev.lamina.core.Rounding;
import dev.lamina.reference.draw.PaintReference;
import dev.lamina.text.FontLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every recipe in examples/ renders (assets relative to the recipe, as the command line finds them)
 * to its canvas size, with probes at pixels whose value is known without the renderer.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    static LaminaImage render(String name) throws IOException {
        Recipe r = RecipeParser.parse(Files.readAllBytes(EXAMPLES.resolve(name)));
        return Recipes.render(r, (asset, path) -> Lamina.open(EXAMPLES.resolve(asset)), FontLibrary.withBundled(),
                RecipeLimits.defaults(), 8);
    }

    @Test
    void everyExampleRenders() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 4, "the four examples: " + all);
            for (Path p : all) {
                Recipe r = RecipeParser.parse(Files.readAllBytes(p));
                byte[] px = render(p.getFileName().toString()).pixels8();
                assertTrue(px.length >= r.canvas().width() * r.canvas().height() * 3, p.toString());
            }
        }
    }

    @Test
    void socialCard() throws IOException {
        LaminaImage card = render("social-card.json");
        assertEquals(1200, card.width());
        assertEquals(630, card.height());
        assertEquals(3, card.bands(), "an opaque canvas gives RGB");
        byte[] px = card.pixels8();
        // the bottom-right corner is the background gradient alone (no other layer reaches it)
        Paint g = new Paint.Linear(0, 0, 1200, 630, List.of(Paint.stop(0, 0x1e3c72), Paint.stop(1, 0x2a5298)), Paint.Spread.PAD);
        for (int[] p : new int[][]{{1199, 629}, {1150, 600}, {600, 600}}) {
            double[] want = PaintReference.at(g, p[0], p[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(Rounding.toU8(want[c]), px[(p[1] * 1200 + p[0]) * 3 + c] & 0xFF, "gradient at " + p[0] + "," + p[1]);
            }
        }
        // the photo's rounded corner cuts it: its corner pixel is background, darkened by the shadow only
        int corner = (61 * 1200 + 61) * 3;
        double[] bg = PaintReference.at(g, 61, 61);
        assertTrue((px[corner + 2] & 0xFF) <= Rounding.toU8(bg[2]), "blue at the clipped corner is the background or darker");
        // the title is white text: some pixels of its first letter's stem are white
        int white = 0;
        for (int y = 300; y < 360; y++) {
            for (int x = 600; x < 620; x++) {
                int i = (y * 1200 + x) * 3;
                white += (px[i] & 0xFF) == 255 && (px[i + 1] & 0xFF) == 255 && (px[i + 2] & 0xFF) == 255 ? 1 : 0;
            }
        }
        assertTrue(white > 100, "the L of the title: " + white + " white pixels");
    }

    @Test
    void watermarkChangesOnlyPartOfThePhoto() throws IOException {
        LaminaImage marked = render("watermark.json");
        assertEquals(600, marked.width());
        assertEquals(400, marked.height());
        byte[] px = marked.pixels8();
        byte[] photo = Lamina.open(EXAMPLES.resolve("../samples/background.png")).pixels8();
        int bands = marked.bands();
        int same = 0, lighter = 0;
        for (int i = 0; i < 600 * 400; i++) {
            boolean equal = true;
            for (int c = 0; c < 3; c++) {
                equal &= px[i * bands + c] == photo[i * 3 + c];
            }
            same += equal ? 1 : 0;
            lighter += (px[i * bands] & 0xFF) > (photo[i * 3] & 0xFF) + 20 ? 1 : 0;
        }
        // where no tile falls the photo comes through exactly (16-bit steps, one rounding);
        // the white text covers a few percent, spread over the whole image
        assertTrue(same > 0.6 * 600 * 400, same + " pixels unchanged");
        assertTrue(lighter > 0.01 * 600 * 400 && lighter < 0.25 * 600 * 400, lighter + " pixels lighter");
    }

    @Test
    void collageAndBadge() throws IOException {
        LaminaImage collage = render("collage.json");
        assertEquals(900, collage.width());
        byte[] c = collage.pixels8();
        assertEquals(0xf4, c[0] & 0xFF);
        assertEquals(0xf1, c[1] & 0xFF);
        assertEquals(0xec, c[2] & 0xFF);
        LaminaImage badge = render("badge.json");
        assertEquals(4, badge.bands(), "a transparent canvas keeps alpha");
        byte[] b = badge.pixels8();
        assertEquals(0, b[3], "the corner is transparent");
        assertEquals(255, b[(172 * 360 + 160) * 4 + 3] & 0xFF, "the seal's middle is opaque");
    }
}
