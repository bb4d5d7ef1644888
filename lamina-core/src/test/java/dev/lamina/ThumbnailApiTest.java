package dev.lamina;

import dev.lamina.model.LaminaException;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.ThumbnailOptions.Fit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The public thumbnail API for callers that mix thumbnails into other work: the shrink-on-load
 * factor worked out from the rules by hand, and the 16-bit thumbnail of a file that cannot shrink
 * on load equal to the opened image widened and resized.
 */
class ThumbnailApiTest {

    @ParameterizedTest(name = "{0}x{1} into {2}x{3} {4}, fast {5}: 1/{6}")
    @CsvSource({
            // libvips' rule: the largest power of two that leaves the kernel a factor of two
            "301, 203, 18, 18, INSIDE, false, 8",    // 301 / 18 = 16.7: 8 leaves 2.09
            "301, 203, 30, 30, INSIDE, false, 4",    // 10.0: 4 leaves 2.5, 8 would leave 1.25
            "301, 203, 70, 70, INSIDE, false, 2",    // 4.3
            "301, 203, 120, 120, INSIDE, false, 1",  // 2.5
            "203, 301, 30, 30, INSIDE, false, 4",    // upright and portrait: the longer side still rules
            "301, 203, 30, 30, COVER, false, 2",     // covering: 203 / 30 = 6.8 is the smaller shrink
            "1632, 1224, 256, 256, INSIDE, false, 2", // the lab's S4 photo: 6.4
            // sharp's rule: as far as the shrink goes, one step less when its integer part is the step
            "301, 203, 30, 30, INSIDE, true, 8",     // 10.0
            "301, 203, 47, 47, INSIDE, true, 4",     // 6.4
            "301, 203, 70, 70, INSIDE, true, 2",     // 4.3: integer part 4
            "301, 203, 100, 100, INSIDE, true, 2",   // 3.01
            "301, 203, 120, 120, INSIDE, true, 1",   // 2.5: integer part 2
            "1632, 1224, 256, 256, INSIDE, true, 4",
            "100, 80, 400, 400, INSIDE, false, 1",   // an enlargement
    })
    void theShrinkOnLoadFactorFollowsTheRules(int w, int h, int bw, int bh, Fit fit, boolean fast, int shrink) {
        assertEquals(shrink, Lamina.thumbnailShrink(w, h, ThumbnailOptions.box(bw, bh).fit(fit).fastShrinkOnLoad(fast)));
    }

    @Test
    void noShrinkWhenOffOrInLinearLight() {
        assertEquals(1, Lamina.thumbnailShrink(1632, 1224, ThumbnailOptions.edge(64).shrinkOnLoad(false)));
        assertEquals(1, Lamina.thumbnailShrink(1632, 1224, ThumbnailOptions.edge(64).linearLight(true)));
        assertThrows(LaminaException.class, () -> Lamina.thumbnailShrink(0, 10, ThumbnailOptions.edge(64)));
    }

    @Test
    void aSixteenBitThumbnailOfAPngIsTheWidenedImageResized(@TempDir Path dir) {
        byte[] rgba = new byte[97 * 61 * 4];
        for (int i = 0; i < rgba.length; i++) {
            rgba[i] = (byte) (i * 31 + (i / 388) * 7);
        }
        Path png = dir.resolve("p.png");
        Lamina.fromPixels(rgba, 97, 61, 4).save(png, PngOptions.png());
        ThumbnailOptions o = ThumbnailOptions.box(30, 30).fit(Fit.COVER);
        LaminaImage t = Lamina.thumbnail(png, o, LoadOptions.defaults(), 16);
        assertEquals("u16", t.sampleFormat());
        assertArrayEquals(Lamina.open(png).bitDepth(16).thumbnail(o).pixels16(), t.pixels16());
        assertThrows(LaminaException.class, () -> Lamina.thumbnail(png, o, LoadOptions.defaults(), 12));
    }
}
