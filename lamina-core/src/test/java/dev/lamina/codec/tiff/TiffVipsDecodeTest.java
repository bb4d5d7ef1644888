package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.lamina.codec.tiff.TiffTestSupport.assertSamples;
import static dev.lamina.codec.tiff.TiffTestSupport.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lamina's TIFF decoder against libvips' writer (tiffsave): compressions, predictors, tiles,
 * BigTIFF, pyramids and multi-page files (every page against libvips' own decode of that page),
 * 1, 2 and 4-bit grey (libvips' decode as expected), and the ICC profile.
 */
class TiffVipsDecodeTest {
    @TempDir
    Path dir;

    private static final int W = 97;
    private static final int H = 60;

    /** A vips image (.v) of known samples, via rawload. */
    private Path vipsImage(Region samples, String name) {
        ExternalTools.vips();
        Path raw = dir.resolve(name + ".raw");
        TiffTestSupport.write(raw, TiffTestSupport.raw(samples));
        Path v = dir.resolve(name + ".v");
        String format = samples.format == BandFormat.U8 ? "uchar" : samples.format == BandFormat.U16 ? "ushort" : "float";
        ExternalTools.run(dir, "vips", "rawload", raw.toString(), v.toString(), "" + samples.rect().width(),
                "" + samples.rect().height(), "" + samples.bands, "--format", format);
        return v;
    }

    private Path tiffsave(Path v, String name, String... options) {
        Path out = dir.resolve(name + ".tif");
        List<String> cmd = new ArrayList<>(List.of("vips", "tiffsave", v.toString(), out.toString()));
        cmd.addAll(List.of(options));
        ExternalTools.run(dir, cmd.toArray(String[]::new));
        return out;
    }

    /** libvips' decode of a file (or page), as raw samples in a region like {@code like}. */
    private Region vipsDecode(String file, int width, int height, int bands, BandFormat format) {
        Path raw = dir.resolve("decoded-" + Math.abs(file.hashCode()) + ".raw");
        ExternalTools.run(dir, "vips", "rawsave", file, raw.toString());
        byte[] b;
        try {
            b = Files.readAllBytes(raw);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Region r = Region.allocate(Rect.of(width, height), bands, format);
        int n = width * height * bands;
        assertEquals(n * format.bytes, b.length, "libvips' raw decode size");
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            switch (format) {
                case U8 -> r.u8()[i] = buf.get();
                case U16 -> r.u16()[i] = buf.getShort();
                case F32 -> r.f32()[i] = buf.getFloat();
            }
        }
        return r;
    }

    @ParameterizedTest(name = "{0} bands {1} {2}")
    @CsvSource({
            "3, U8, --compression deflate --predictor horizontal",
            "3, U8, --compression lzw --predictor none",
            "3, U8, --compression packbits",
            "4, U8, --compression lzw --predictor horizontal --tile --tile-width 32 --tile-height 16",
            "1, U16, --compression deflate --predictor horizontal --tile --tile-width 64 --tile-height 64",
            "2, U16, --compression lzw --bigtiff",
            "3, U8, --compression deflate --tile --tile-width 16 --tile-height 16 --bigtiff",
            "3, F32, --compression deflate --predictor float",
            "1, F32, --compression lzw --predictor float --tile --tile-width 32 --tile-height 32",
    })
    void vipsVariantsDecodeToTheSamplesVipsWasGiven(int bands, BandFormat format, String options) {
        Region samples = TiffTestSupport.photo(W, H, bands, format, options.hashCode());
        Path file = tiffsave(vipsImage(samples, "base"), "variant", options.split(" "));
        assertSamples(samples, decode(file), options);
    }

    @Test
    void aPyramidHasItsLevelsAsPages() {
        Region samples = TiffTestSupport.photo(W, H, 3, BandFormat.U8, 21);
        Path file = tiffsave(vipsImage(samples, "base"), "pyramid", "--pyramid", "--tile", "--tile-width", "32",
                "--tile-height", "32", "--compression", "deflate");
        Image first = Decoders.open(file, LoadOptions.defaults());
        assertEquals(3, first.metadata.pages());
        assertSamples(samples, TiffTestSupport.all(first), "page 0");
        int w = W;
        int h = H;
        for (int page = 1; page < 3; page++) {
            w /= 2;
            h /= 2;
            Image level = Decoders.open(file, LoadOptions.defaults().page(page));
            assertEquals(w, level.width);
            assertEquals(h, level.height);
            assertSamples(vipsDecode(file + "[page=" + page + "]", w, h, 3, BandFormat.U8), TiffTestSupport.all(level),
                    "page " + page);
        }
        LaminaException e = assertThrows(LaminaException.class, () -> Decoders.open(file, LoadOptions.defaults().page(3)));
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("page 3") && e.getMessage().contains("3 pages"), e.getMessage());
    }

    @Test
    void aMultiPageFileGivesEachPage() {
        Region samples = TiffTestSupport.photo(W, H, 1, BandFormat.U16, 22);
        Path file = tiffsave(vipsImage(samples, "base"), "pages", "--page-height", "20", "--compression", "lzw");
        for (int page = 0; page < 3; page++) {
            Image p = Decoders.open(file, LoadOptions.defaults().page(page));
            assertEquals(3, p.metadata.pages());
            Region want = Region.allocate(new Rect(0, 0, W, 20), 1, BandFormat.U16);
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < W; x++) {
                    want.u16()[want.index(x, y)] = samples.u16()[samples.index(x, page * 20 + y)];
                }
            }
            assertSamples(want, TiffTestSupport.all(p), "page " + page);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "4", "1 --miniswhite"})
    void lowBitDepthsMatchVipsDecode(String depth) {
        Region grey = TiffTestSupport.photo(W, H, 1, BandFormat.U8, 23);
        List<String> options = new ArrayList<>(List.of("--bitdepth"));
        options.addAll(List.of(depth.split(" ")));
        Path file = tiffsave(vipsImage(grey, "grey"), "bits", options.toArray(String[]::new));
        Region got = decode(file);
        assertSamples(vipsDecode(file.toString(), W, H, 1, BandFormat.U8), got, depth + "-bit");
    }

    @Test
    void theIccProfileIsReadAsStored() throws Exception {
        Region samples = TiffTestSupport.photo(W, H, 3, BandFormat.U8, 24);
        byte[] icc = new byte[777];
        new java.util.Random(5).nextBytes(icc);
        Path profile = dir.resolve("p.icc");
        Files.write(profile, icc);
        Path file = tiffsave(vipsImage(samples, "base"), "icc", "--profile", profile.toString(), "--xres", "11.811",
                "--yres", "5.9055", "--resunit", "cm");
        Image image = Decoders.open(file, LoadOptions.defaults());
        assertArrayEquals(icc, image.metadata.iccProfile());
        assertEquals(11811, image.metadata.density().pixelsPerUnitX());
        assertEquals(5906, image.metadata.density().pixelsPerUnitY(), 1);
    }
}
