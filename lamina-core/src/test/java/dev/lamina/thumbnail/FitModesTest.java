package dev.lamina.thumbnail;

import dev.lamina.thumbnail.SmartCrop;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.ThumbnailOptions.Crop;
import dev.lamina.model.ThumbnailOptions.Fit;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sharp's fit modes, content-aware cover windows and linear light, with expectations worked by hand. */
class FitModesTest {

    @ParameterizedTest(name = "{0}x{1} {4} in {2}x{3} (enlarge {5}, reduce {6}): resize {7}x{8}, out {9}x{10}")
    @CsvSource({
            "400, 200, 100, 100, CONTAIN, true, true, 100, 50, 100, 100",
            "400, 200, 100, 100, FILL, true, true, 100, 100, 100, 100",
            "400, 200, 100, 100, OUTSIDE, true, true, 200, 100, 200, 100",
            "400, 200, 100, 100, COVER, true, true, 200, 100, 100, 100",
            "400, 200, 100, 100, INSIDE, true, true, 100, 50, 100, 50",
            // without reduction a larger image keeps its size; contain then letterboxes around it
            "400, 200, 100, 100, INSIDE, true, false, 400, 200, 400, 200",
            "400, 200, 100, 100, CONTAIN, true, false, 400, 200, 400, 200",
            // without enlargement: fill scales each axis down only
            "80, 300, 100, 100, FILL, false, true, 80, 100, 80, 100",
            "80, 300, 100, 100, CONTAIN, false, true, 27, 100, 100, 100",
            "50, 40, 100, 100, OUTSIDE, false, true, 50, 40, 50, 40",
    })
    void sizes(int w, int h, int bw, int bh, Fit fit, boolean enlarge, boolean reduce, int rw, int rh, int ow, int oh) {
        Thumbnail.Size s = Thumbnail.Size.of(w, h, ThumbnailOptions.box(bw, bh).fit(fit).enlarge(enlarge).reduce(reduce));
        assertEquals(rw, s.resizedWidth(), "resized width");
        assertEquals(rh, s.resizedHeight(), "resized height");
        assertEquals(ow, s.outWidth(), "output width");
        assertEquals(oh, s.outHeight(), "output height");
    }

    /** A 300x100 grey image with a busy band at x in [from, from + 100). */
    static Image withBusyBand(int from, long seed) {
        Region r = Region.allocate(Rect.of(300, 100), 3, BandFormat.U8);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                int v = x >= from && x < from + 100 ? rnd.nextInt(256) : 120;
                for (int b = 0; b < 3; b++) {
                    r.u8()[r.index(x, y) + b] = (byte) v;
                }
            }
        }
        return MemorySource.image(r, Interpretation.RGB, false, null);
    }

    @Test
    void entropyKeepsTheBusyPartAndAFlatImageItsCentre() {
        for (int from : new int[]{0, 57, 200}) {
            Rect w = SmartCrop.window(withBusyBand(from, from), 100, 100, Crop.ENTROPY);
            assertEquals(new Rect(from, 0, 100, 100), w, "busy band at " + from);
        }
        Rect flat = SmartCrop.window(withBusyBand(1000, 1), 100, 100, Crop.ENTROPY);
        assertEquals(new Rect(100, 0, 100, 100), flat, "no information anywhere: the centre");
    }

    /** A 300x100 mid grey image with one 40x40 patch of {@code rgb} at x = {@code at}. */
    static Image withPatch(int at, int rgb) {
        Region r = Region.allocate(Rect.of(300, 100), 3, BandFormat.U8);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                boolean in = x >= at && x < at + 40 && y >= 30 && y < 70;
                int c = in ? rgb : 0x808080;
                r.u8()[r.index(x, y)] = (byte) (c >> 16);
                r.u8()[r.index(x, y) + 1] = (byte) (c >> 8);
                r.u8()[r.index(x, y) + 2] = (byte) c;
            }
        }
        return MemorySource.image(r, Interpretation.RGB, false, null);
    }

    @Test
    void attentionFollowsSkinAndSaturatedColour() {
        // Skin tone (198, 145, 112) left, a saturated red right: the window must hold the patch.
        Rect skin = SmartCrop.window(withPatch(10, 0xC69170), 100, 100, Crop.ATTENTION);
        assertTrue(skin.x() <= 10 && skin.x() + 100 >= 50, "skin patch inside the window: " + skin);
        Rect red = SmartCrop.window(withPatch(240, 0xE01010), 100, 100, Crop.ATTENTION);
        assertTrue(red.x() <= 240 && red.x() + 100 >= 280, "saturated patch inside the window: " + red);
        // Every window holding the patch and its edges scores the same; the one nearest the centre
        // (offset 100) is taken. The edge terms are backward differences, so the columns just past
        // a patch (x = 50 and x = 280) carry its right edge: windows [10, 110) and [181, 281).
        assertEquals(181, red.x());
        assertEquals(10, skin.x());
    }

    @Test
    void containLetterboxesOnTheBackgroundAtThePosition() {
        LaminaImage img = Lamina.canvas(400, 200, 0x2040A0);
        byte[] px = img.thumbnail(ThumbnailOptions.box(100, 100).fit(Fit.CONTAIN).background(0xFFFF0000)
                .position(Gravity.NORTH)).pixels8();
        assertEquals(100 * 100 * 3, px.length);
        // north: the 100x50 image on rows 0..49, red below
        assertEquals(0x20, px[(10 * 100 + 50) * 3] & 0xFF);
        assertEquals(0xA0, px[(49 * 100 + 99) * 3 + 2] & 0xFF);
        assertEquals(0xFF, px[(50 * 100) * 3] & 0xFF);
        assertEquals(0x00, px[(99 * 100 + 99) * 3 + 1] & 0xFF);
    }

    @Test
    void aTransparentLetterboxAddsAlpha() {
        LaminaImage out = Lamina.canvas(400, 200, 0x2040A0).thumbnail(ThumbnailOptions.box(100, 100)
                .fit(Fit.CONTAIN).background(0x00000000));
        assertEquals(4, out.bands());
        byte[] px = out.pixels8();
        assertEquals(0, px[3] & 0xFF, "top-left is letterbox: transparent");
        assertEquals(255, px[(50 * 100 + 50) * 4 + 3] & 0xFF, "centre is image: opaque");
    }

    static LaminaImage checkerboard(int size) {
        byte[] px = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                px[y * size + x] = (byte) (((x + y) & 1) == 0 ? 0 : 255);
            }
        }
        return Lamina.fromPixels(px, size, size, 1);
    }

    @Test
    void aCheckerboardHalvedInLinearLightIsTheGreyOfHalfTheLight() {
        for (Kernel k : new Kernel[]{Kernel.LINEAR, Kernel.CUBIC, Kernel.LANCZOS3}) {
            byte[] linear = checkerboard(64).resize(32, 32, k, true).pixels8();
            byte[] gamma = checkerboard(64).resize(32, 32, k, false).pixels8();
            for (int y = 4; y < 28; y++) {
                for (int x = 4; x < 28; x++) {
                    int l = linear[y * 32 + x] & 0xFF, g = gamma[y * 32 + x] & 0xFF;
                    // half the light: sRGB-encode(0.5) x 255 = 187.5; half the codes: 127.5
                    assertTrue(l == 187 || l == 188, k + " linear " + l + " at " + x + "," + y);
                    assertTrue(g == 127 || g == 128, k + " gamma " + g + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aLinearLightThumbnailOfTheCheckerboardToo() {
        byte[] t = checkerboard(64).thumbnail(ThumbnailOptions.edge(32).linearLight(true)).pixels8();
        int l = t[16 * 32 + 16] & 0xFF;
        assertTrue(l == 187 || l == 188, "linear thumbnail " + l);
    }
}
