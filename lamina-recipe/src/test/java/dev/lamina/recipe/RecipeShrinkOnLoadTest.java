package dev.lamina.recipe;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.reference.conversion.CastReference;
import dev.lamina.reference.resample.ResizeReference;
import dev.lamina.text.FontLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An image layer that resizes an asset down loads it again at 1/2, 1/4 or 1/8 when its source can
 * (a JPEG file: {@link Assets#files}), by the same rule and code as {@code Lamina.thumbnail} from a
 * file; a crop, a PNG and an enlargement keep the full decode, bit for bit as before.
 *
 * <p>Expected values: the float64 resize (lamina-reference) of the decoder's shrunk output, widened
 * exactly to 16 bits, and core's file thumbnail (itself held to that reference in
 * lamina-reference's ThumbnailReferenceTest).
 */
class RecipeShrinkOnLoadTest {
    static final int W = 301, H = 203;
    @TempDir
    static Path dir;
    static Path jpeg;
    static Path png;

    @BeforeAll
    static void files() throws IOException {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // gradients, a hard-edged disc and fine texture: a wrong scale or offset shows
                int r = 40 + 180 * x / W, g = 30 + 200 * y / H, b = 128 + (int) (100 * Math.sin(x * 0.07 + y * 0.05));
                double dx = x - W * 0.6, dy = y - H * 0.4;
                if (dx * dx + dy * dy < H * H / 16.0) {
                    r = 230;
                    g = 60;
                }
                if ((x / 3 + y / 3) % 7 == 0) {
                    b = 20;
                }
                int i = (y * W + x) * 3;
                rgb[i] = (byte) r;
                rgb[i + 1] = (byte) g;
                rgb[i + 2] = (byte) b;
            }
        }
        LaminaImage photo = Lamina.fromPixels(rgb, W, H, 3);
        jpeg = dir.resolve("photo.jpg");
        photo.save(jpeg, JpegOptions.jpeg().quality(90));
        png = dir.resolve("photo.png");
        photo.save(png, PngOptions.png());
    }

    /** A thumbnail recipe: a canvas the layer's size, opaque, the asset resized onto it. */
    static String thumbnail(String layerOptions, int edge) {
        return "{\"version\": 1, \"canvas\": {\"asset\": \"photo\", \"width\": " + edge + ", \"height\": " + edge
                + ", \"fit\": \"inside\", \"background\": \"#000000\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"photo\","
                + " \"width\": " + edge + ", \"height\": " + edge + ", \"fit\": \"inside\"" + layerOptions + "}]}";
    }

    static LaminaImage render(String json, Assets assets, int bitDepth) {
        return Recipes.render(RecipeParser.parse(json), assets, FontLibrary.withBundled(), RecipeLimits.defaults(), bitDepth);
    }

    static Assets files(Path file) {
        return Assets.files((name, path) -> file, LoadOptions.defaults());
    }

    /** The asset opened once and handed over as it is: the layer resizes its full decode. */
    static Assets opened(Path file) {
        return Assets.of(Map.of("photo", Lamina.open(file)));
    }

    @ParameterizedTest(name = "edge {0}: load at 1/{1}, fast rule {2}")
    @CsvSource({
            // 301 / 30 = 10: libvips' rule loads at 1/4 (1/8 would leave the kernel less than 2)
            "30, 4, false",
            // 301 / 70 = 4.3: 1/2
            "70, 2, false",
            // 301 / 47 = 6.4: sharp's rule loads at 1/4 where libvips' would at 1/2
            "47, 4, true",
            // 301 / 120 = 2.5: no shrink either way
            "120, 1, false",
    })
    void aResizedJpegLayerIsTheShrunkDecodeResizedAtSixteenBits(int edge, int shrink, boolean fast) {
        String json = thumbnail(fast ? ", \"fastShrinkOnLoad\": true" : "", edge);
        LaminaImage got = render(json, files(jpeg), 16);
        int rh = (int) Math.round((double) H * edge / W);
        assertEquals(edge, got.width());
        assertEquals(rh, got.height());

        // the decoder's output at 1/shrink, widened exactly, resized with the source's scale in float64
        Region loaded = CastReference.cast(whole(JpegDecoder.open(jpeg, Limits.defaults(), JpegDecodeOptions.defaults().scale(shrink))), BandFormat.U16);
        Region expected = ResizeReference.resize(loaded, edge, rh, Kernel.LANCZOS3,
                W / ((double) shrink * edge), H / ((double) shrink * rh));
        short[] have = got.pixels16();
        int exact = 0, worst = 0;
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < edge; x++) {
                for (int b = 0; b < 3; b++) {
                    int want = (int) expected.raw(x, y, b), h = have[(y * edge + x) * 3 + b] & 0xFFFF;
                    worst = Math.max(worst, Math.abs(want - h));
                    exact += want == h ? 1 : 0;
                }
            }
        }
        assertTrue(worst <= 1, "largest 16-bit difference " + worst);
        assertTrue(exact >= 0.999 * edge * rh * 3, exact + " of " + edge * rh * 3 + " samples exact");

        // and, at 16 bits, exactly core's file thumbnail (the same rule and code path)
        ThumbnailOptions o = ThumbnailOptions.box(edge, edge).fastShrinkOnLoad(fast);
        assertArrayEquals(Lamina.thumbnail(jpeg, o, LoadOptions.defaults(), 16).pixels16(), have);
    }

    @ParameterizedTest(name = "edge {0}, fast rule {1}")
    @CsvSource({"30, false", "70, false", "47, true", "47, false"})
    void atEightBitsTheLayerIsCoresFileThumbnail(int edge, boolean fast) {
        byte[] got = render(thumbnail(fast ? ", \"fastShrinkOnLoad\": true" : "", edge), files(jpeg), 8).pixels8();
        byte[] core = Lamina.thumbnail(jpeg, ThumbnailOptions.edge(edge).fastShrinkOnLoad(fast)).pixels8();
        // The layer rounds to 16 bits, the root to 8: the same as one rounding unless an exact value
        // lies within 1/131070 of a half, which none of these inputs has.
        assertArrayEquals(core, got);
    }

    @Test
    void theShrunkDecodeIsNotTheFullOne() {
        // the proof that the layer no longer resizes the full decode: at 1/4 the samples differ
        short[] shrunk = render(thumbnail("", 30), files(jpeg), 16).pixels16();
        short[] full = render(thumbnail("", 30), opened(jpeg), 16).pixels16();
        assertFalse(java.util.Arrays.equals(shrunk, full));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a PNG reduced                 | png  | 30  | ",
            "a JPEG enlarged               | jpeg | 600 | ",
            "a JPEG cropped, then reduced  | jpeg | 30  | , \"crop\": {\"x\": 10, \"y\": 20, \"width\": 200, \"height\": 150}",
    })
    void whatCannotShrinkOnLoadIsUnchanged(String what, String format, int edge, String options) {
        Path file = format.equals("png") ? png : jpeg;
        String json = thumbnail(options == null ? "" : options, edge);
        assertArrayEquals(render(json, opened(file), 16).pixels16(), render(json, files(file), 16).pixels16(), what);
    }

    @Test
    void fastShrinkOnLoadIsParsedAndBuilt() {
        Recipe parsed = RecipeParser.parse(thumbnail(", \"fastShrinkOnLoad\": true", 64));
        Node.Image layer = (Node.Image) parsed.layers().getFirst();
        assertTrue(layer.fastShrinkOnLoad());
        assertEquals(Node.image("photo").size(64, 64, ThumbnailOptions.Fit.INSIDE).fastShrinkOnLoad(true), layer);
        assertFalse(((Node.Image) RecipeParser.parse(thumbnail("", 64)).layers().getFirst()).fastShrinkOnLoad());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not a boolean | , \"width\": 64, \"fastShrinkOnLoad\": 1  | layers[0].fastShrinkOnLoad: integer found, boolean expected",
            "no resize     | , \"fastShrinkOnLoad\": true            | layers[0].fastShrinkOnLoad: needs a resize (a width or a height) to shrink for",
            "with a crop   | , \"width\": 64, \"fastShrinkOnLoad\": true, \"crop\": {\"x\": 0, \"y\": 0, \"width\": 100, \"height\": 100} | layers[0].fastShrinkOnLoad: a cropped image is decoded at full size: drop fastShrinkOnLoad or the crop",
    })
    void fastShrinkOnLoadIsRefusedWhereItCannotApply(String what, String options, String message) {
        String json = "{\"version\": 1, \"canvas\": {\"width\": 64, \"height\": 64}, \"layers\": [{\"type\": \"image\","
                + " \"asset\": \"photo\"" + options + "}]}";
        RecipeException e = assertThrows(RecipeException.class, () -> render(json, files(jpeg), 8), what);
        assertEquals(message, e.path() + ": " + e.detail(), what);
    }

    private static Region whole(Image image) {
        return image.materialise(Limits.defaults(), "test").fetch(image.bounds());
    }
}
