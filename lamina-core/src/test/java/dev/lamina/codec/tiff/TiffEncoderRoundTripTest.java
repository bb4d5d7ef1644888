package dev.lamina.codec.tiff;

import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.Encoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.lamina.codec.tiff.TiffTestSupport.assertSamples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files Lamina writes, read back by libtiff (tiffinfo -D reads every block and reports any
 * error; tiff2rgba decodes 8-bit files) and by libvips (rawsave: every depth), sample for sample,
 * then by Lamina itself.
 */
class TiffEncoderRoundTripTest {
    @TempDir
    Path dir;

    private static final int W = 101;
    private static final int H = 67;

    static Image image(int bands, BandFormat format, long seed) {
        Region r = TiffTestSupport.photo(W, H, bands, format, seed);
        return MemorySource.image(r, bands <= 2 ? Interpretation.GREY : Interpretation.RGB, bands == 2 || bands == 4, Metadata.NONE);
    }

    private static TiffOptions options(String compression, boolean predictor, boolean tiles, boolean big) {
        TiffOptions o = TiffOptions.tiff().compression(TiffOptions.Compression.valueOf(compression)).predictor(predictor)
                .bigTiff(big);
        return tiles ? o.tiles(32, 16) : o;
    }

    @ParameterizedTest(name = "{0} bands {1} {2} predictor={3} tiles={4} bigtiff={5}")
    @CsvSource({
            "1, U8, NONE, false, false, false",
            "3, U8, LZW, true, false, false",
            "3, U8, LZW, false, true, false",
            "4, U8, DEFLATE, true, false, false",
            "2, U8, DEFLATE, true, true, true",
            "3, U8, NONE, false, true, true",
            "1, U16, LZW, true, false, false",
            "3, U16, DEFLATE, true, true, false",
            "4, U16, LZW, true, false, true",
            "2, U16, NONE, false, false, false",
            "1, F32, DEFLATE, true, false, false",
            "3, F32, LZW, true, true, false",
            "4, F32, NONE, false, false, true",
            "3, F32, DEFLATE, false, true, true",
    })
    void libtiffAndLibvipsReadBackTheSamples(int bands, BandFormat format, String compression, boolean predictor,
                                             boolean tiles, boolean big) {
        Image image = image(bands, format, bands * 31L + format.ordinal());
        Region samples = image.fetch(image.bounds());
        Path file = dir.resolve("out.tif");
        Encoders.save(image, file, options(compression, predictor, tiles, big));

        ExternalTools.libtiff();
        assertEquals(big ? 43 : 42, readHead(file)[2], "version in the header");
        ExternalTools.run(dir, "tiffinfo", "-D", file.toString());   // reads every block; fails on any error
        if (format == BandFormat.U8 && (bands == 1 || bands == 3)) {
            Path rgba = dir.resolve("rgba.tif");
            ExternalTools.run(dir, "tiff2rgba", "-c", "none", file.toString(), rgba.toString());
            Region lib = TiffTestSupport.decode(rgba);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(samples.raw(x, y, bands == 1 ? 0 : c), lib.raw(x, y, c), "libtiff (" + x + "," + y + ")");
                    }
                }
            }
        }
        assertSamples(samples, TiffTestSupport.decode(file), "Lamina's read");

        ExternalTools.vips();
        Path raw = dir.resolve("vips.raw");
        ExternalTools.run(dir, "vips", "rawsave", file.toString(), raw.toString());
        assertSamples(samples, fromRaw(raw, bands, format), "libvips' read");
    }

    private static byte[] readHead(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Region fromRaw(Path raw, int bands, BandFormat format) {
        byte[] b;
        try {
            b = Files.readAllBytes(raw);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Region r = Region.allocate(Rect.of(W, H), bands, format);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder());
        int n = W * H * bands;
        assertEquals(n * format.bytes, b.length);
        for (int i = 0; i < n; i++) {
            switch (format) {
                case U8 -> r.u8()[i] = buf.get();
                case U16 -> r.u16()[i] = buf.getShort();
                case F32 -> r.f32()[i] = buf.getFloat();
            }
        }
        return r;
    }

    @Test
    void associatedAlphaIsStoredPremultipliedAndReadBackStraight() {
        Image image = image(4, BandFormat.U8, 77);
        Region straight = image.fetch(image.bounds());
        Path file = dir.resolve("assoc.tif");
        Encoders.save(image, file, TiffOptions.tiff().premultiplied(true).compression(TiffOptions.Compression.LZW));
        ExternalTools.libtiff();
        String info = new String(ExternalTools.run(dir, "tiffinfo", file.toString()), StandardCharsets.UTF_8);
        assertTrue(info.contains("assoc-alpha"), info);
        // libtiff's RGBA decode passes associated samples on as stored: round(c x a / 255)
        Path rgba = dir.resolve("rgba.tif");
        ExternalTools.run(dir, "tiff2rgba", "-c", "none", file.toString(), rgba.toString());
        // read the stored values without unpremultiplying: the colour bands of the raw strip
        Region stored = rawStoredRgba(rgba);
        for (int i = 0; i < W * H * 4; i += 4) {
            int a = straight.u8()[i + 3] & 0xFF;
            for (int c = 0; c < 3; c++) {
                long want = Math.round((straight.u8()[i + c] & 0xFF) * a / 255.0);
                assertEquals(want, stored.u8()[i + c] & 0xFF, "stored premultiplied sample " + i);
            }
        }
    }

    /** The samples of tiff2rgba's uncompressed single-directory output, straight from its strips (no conversion). */
    private static Region rawStoredRgba(Path file) {
        TiffInput in = TiffInput.open(file, file.toString());
        try (in) {
            TiffPage p = TiffPage.read(in, 0, TiffTestSupport.limits());
            Region r = Region.allocate(Rect.of(W, H), 4, BandFormat.U8);
            int row = W * 4;
            for (int y = 0; y < H; y++) {
                long strip = y / p.blockHeight;
                long off = p.offsets.get(strip, in) + (long) (y % p.blockHeight) * row;
                in.readFully(off, r.u8(), y * row, row, "row");
            }
            return r;
        }
    }

    @Test
    void metadataIsWrittenAndReadBack() {
        byte[] icc = new byte[1001];
        new java.util.Random(3).nextBytes(icc);
        Metadata m = new Metadata(icc, null, 0, -1, new Metadata.Density(11811, 3937, true), List.of(), 6, null);
        Image image = image(3, BandFormat.U8, 5).withMetadata(m);
        Path file = dir.resolve("meta.tif");
        Encoders.save(image, file, TiffOptions.tiff());
        Image back = Decoders.open(file, LoadOptions.defaults().autoOrient(false));
        assertArrayEquals(icc, back.metadata.iccProfile());
        assertEquals(new Metadata.Density(11811, 3937, true), back.metadata.density());
        assertEquals(6, back.metadata.orientation());

        ExternalTools.libtiff();
        String info = new String(ExternalTools.run(dir, "tiffinfo", file.toString()), StandardCharsets.UTF_8);
        assertTrue(info.contains("Resolution: 118.11, 39.37 pixels/cm"), info);
        assertTrue(info.contains("ICC Profile: <present>, 1001 bytes"), info);
        assertTrue(info.contains("row 0 rhs, col 0 top"), info);
    }

    @Test
    void streamOutputIsTheSameFileAsFileOutput() throws Exception {
        Image image = image(3, BandFormat.U16, 9);
        TiffOptions o = TiffOptions.tiff().compression(TiffOptions.Compression.DEFLATE).tiles(32, 32);
        Path file = dir.resolve("f.tif");
        Encoders.save(image, file, o);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoders.write(image, out, o);
        assertArrayEquals(Files.readAllBytes(file), out.toByteArray(), "built in memory");
        ByteArrayOutputStream spilled = new ByteArrayOutputStream();
        TiffEncoder.write(image, spilled, o, 10_000);
        assertArrayEquals(Files.readAllBytes(file), spilled.toByteArray(), "built in a temporary file");
    }

    @Test
    void bigTiffIsChosenWhenTheFileCouldPassFourGigabytes() {
        // described, not computed: a canvas is never pulled here
        Image small = dev.lamina.conversion.Canvas.image(1000, 1000, Interpretation.RGB, false, BandFormat.U8, new double[]{0, 0, 0});
        Image huge = dev.lamina.conversion.Canvas.image(40000, 36000, Interpretation.RGB, false, BandFormat.U8, new double[]{0, 0, 0});
        Image lzwEdge = dev.lamina.conversion.Canvas.image(40000, 30000, Interpretation.RGB, false, BandFormat.U8, new double[]{0, 0, 0});
        assertFalse(TiffEncoder.bigTiff(small, TiffOptions.tiff()));
        assertTrue(TiffEncoder.bigTiff(small, TiffOptions.tiff().bigTiff(true)));
        assertTrue(TiffEncoder.bigTiff(huge, TiffOptions.tiff()));                   // 4.32 GB stored
        assertFalse(TiffEncoder.bigTiff(lzwEdge, TiffOptions.tiff()));                // 3.6 GB stored
        assertTrue(TiffEncoder.bigTiff(lzwEdge, TiffOptions.tiff().compression(TiffOptions.Compression.LZW)));   // LZW could grow it by half
    }
}
