package dev.lamina.codec.webp.lossless;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder as a Lamina image: a sequential RGBA image (RGB when the header says alpha is unused)
 * whose samples are the encoded pixels, pulled through the line cache; and a tall image whose ring
 * is smaller than its area (so rows are served from a wrapping ring) still decodes exactly.
 */
class Vp8lImageTest {

    @Test
    void anImageWithAlphaIsSequentialRgba() {
        TestImages.Argb src = TestImages.noise(45, 70, 3, true);
        Image image = open(src, 6);
        assertTrue(image.sequential);
        assertTrue(image.hasAlpha);
        assertSamples(src, image);
    }

    @Test
    void anOpaqueImageIsRgb() {
        TestImages.Argb src = TestImages.gradient(64, 40, 4);
        int[] opaque = src.pixels().clone();
        for (int i = 0; i < opaque.length; i++) {
            opaque[i] |= 0xff000000;
        }
        TestImages.Argb o = new TestImages.Argb("opaque", src.width(), src.height(), opaque);
        Image image = open(o, 3);
        assertFalse(image.hasAlpha);
        assertSamples(o, image);
    }

    @Test
    void aTallImageDecodesThroughAWrappingRing() {
        // 100 x 16,000 pixels: the ring (about 1.05 M pixels) is smaller than the 1.6 M pixel area
        TestImages.Argb src = TestImages.pattern(100, 16_000, 21);
        assertTrue(EntropyCodedPixels.ringPixels(100, 16_000) < 100L * 16_000);
        byte[] payload = Vp8lEncoder.encode(src.pixels(), 100, 16_000, new Vp8lEncodeOptions(1, true));
        ArgbRowReader rows = Vp8lDecoder.rows(payload, 0, payload.length, "tall.webp", Limits.defaults());
        for (int y = 0; y < 16_000; y++) {
            int[] row = rows.nextRow();
            for (int x = 0; x < 100; x++) {
                if (row[x] != src.pixels()[y * 100 + x]) {
                    throw new AssertionError("pixel " + x + "," + y);
                }
            }
        }
    }

    private static Image open(TestImages.Argb src, int effort) {
        byte[] file = WebpLosslessFile.wrap(Vp8lEncoder.encode(src.pixels(), src.width(), src.height(), new Vp8lEncodeOptions(effort, true)));
        return WebpLosslessFile.open(file, "t.webp", Limits.defaults());
    }

    private static void assertSamples(TestImages.Argb src, Image image) {
        Region r = image.fetch(image.bounds());
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                int p = src.pixels()[y * src.width() + x];
                assertEquals((p >>> 16) & 0xff, (int) r.raw(x, y, 0));
                assertEquals((p >>> 8) & 0xff, (int) r.raw(x, y, 1));
                assertEquals(p & 0xff, (int) r.raw(x, y, 2));
                if (image.hasAlpha) {
                    assertEquals(p >>> 24, (int) r.raw(x, y, 3));
                }
            }
        }
    }
}
