package dev.lamina.codec.tiff;

import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.StripSink;
import dev.lamina.testing.TestImages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Test images as raw samples, raw files for libtiff's raw2tiff, and whole-image decodes to compare. */
final class TiffTestSupport {
    private TiffTestSupport() {
    }

    /** A photo-like test image in memory (odd sizes, so strips and tiles have ragged edges). */
    static Region photo(int width, int height, int bands, BandFormat format, long seed) {
        Interpretation in = bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
        boolean alpha = bands == 2 || bands == 4;
        return TestImages.photoLike(width, height, in, alpha, format, seed).fetch(Rect.of(width, height));
    }

    /** The samples as raw little-endian bytes: what raw2tiff reads. */
    static byte[] raw(Region r) {
        int n = r.rect().width() * r.rect().height() * r.bands;
        ByteBuffer b = ByteBuffer.allocate(n * r.format.bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (r.format) {
                case U8 -> b.put(r.u8()[i]);
                case U16 -> b.putShort(r.u16()[i]);
                case F32 -> b.putFloat(r.f32()[i]);
            }
        }
        return b.array();
    }

    /** Every pixel of the file, decoded by Lamina through the public open path, as stored (no auto-orient). */
    static Region decode(Path file) {
        return decode(file, LoadOptions.defaults().autoOrient(false));
    }

    static Region decode(Path file, LoadOptions options) {
        Image image = Decoders.open(file, options);
        return all(image);
    }

    /** The whole image pulled through a sink, as an encoder would. */
    static Region all(Image image) {
        Region out = image.newRegion(image.bounds());
        StripSink.run(image, out::copyFrom);
        return out;
    }

    static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts every sample of {@code got} equals {@code want} (same size, bands and format). */
    static void assertSamples(Region want, Region got, String what) {
        assertEquals(want.rect(), got.rect(), what + ": size");
        assertEquals(want.bands, got.bands, what + ": bands");
        assertEquals(want.format, got.format, what + ": format");
        Rect r = want.rect();
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                for (int b = 0; b < want.bands; b++) {
                    double w = want.raw(x, y, b);
                    double g = got.raw(x, y, b);
                    if (Double.doubleToLongBits(w) != Double.doubleToLongBits(g) && w != g) {
                        fail(what + ": sample (" + x + "," + y + ") band " + b + " is " + g + ", expected " + w);
                    }
                }
            }
        }
    }

    static Limits limits() {
        return Limits.defaults();
    }
}
