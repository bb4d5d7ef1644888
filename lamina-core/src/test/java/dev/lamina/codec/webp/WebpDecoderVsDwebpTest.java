package dev.lamina.codec.webp;

import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole WebP files made by libwebp's tools, opened through {@link Decoders} by content, give
 * exactly {@code dwebp}'s samples: lossy with alpha (every ALPH filter and both compression
 * methods, {@code -exact}, alpha quality), lossless (every effort) in the simple and the extended
 * container, and files with ICC, EXIF and XMP chunks, whose metadata is carried.
 */
class WebpDecoderVsDwebpTest {
    @TempDir
    static Path dir;

    static final String[][] ALPHA_OPTIONS = {
        {"-q", "75"}, {"-q", "75", "-alpha_filter", "none"}, {"-q", "75", "-alpha_filter", "fast"},
        {"-q", "75", "-alpha_filter", "best"}, {"-q", "50", "-alpha_method", "0"}, {"-q", "50", "-alpha_method", "1"},
        {"-q", "90", "-alpha_method", "0", "-alpha_filter", "best"}, {"-q", "30", "-alpha_q", "20"},
        {"-q", "60", "-exact"}, {"-q", "60", "-alpha_cleanup"}, {"-q", "80", "-alpha_method", "1", "-alpha_filter", "none", "-exact"},
        {"-lossless", "-z", "0"}, {"-lossless", "-z", "6"}, {"-lossless", "-z", "9", "-exact"},
    };

    static Stream<WebpTestTools.Source> alphaSources() {
        return WebpTestTools.alphaSources();
    }

    @ParameterizedTest
    @MethodSource("alphaSources")
    void filesWithAlphaDecodeAsDwebpDoes(WebpTestTools.Source source) throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available(), WebpTestTools.MISSING);
        Path input = source.write(dir);
        for (String[] options : ALPHA_OPTIONS) {
            String tag = source.name() + " " + String.join(" ", options);
            Path webp = dir.resolve("a.webp");
            WebpTestTools.cwebp(input, webp, options);
            Image image = Decoders.open(webp, LoadOptions.defaults());
            byte[] expected = WebpTestTools.dwebpRgba(webp, dir.resolve("a.pam"));
            assertArrayEquals(expected, rgba(image), tag);
        }
    }

    @ParameterizedTest
    @MethodSource("lossySources")
    void opaqueLossyFilesAreRgb(WebpTestTools.Source source) throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available(), WebpTestTools.MISSING);
        Path webp = dir.resolve("o.webp");
        WebpTestTools.cwebp(source.write(dir), webp, "-q", "80");
        Image image = Decoders.open(webp, LoadOptions.defaults());
        assertFalse(image.hasAlpha);
        assertEquals(3, image.bands);
        assertArrayEquals(WebpTestTools.dwebpRgb(webp, dir.resolve("o.ppm")), rgba(image), source.name());
    }

    static Stream<WebpTestTools.Source> lossySources() {
        return WebpTestTools.lossySources();
    }

    @Test
    void metadataChunksAreCarried() throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available() && WebpTestTools.onPath("webpmux"), WebpTestTools.MISSING);
        Path png = WebpTestTools.generated("meta", 40, 30, 21, false).write(dir);
        Path plain = dir.resolve("plain.webp");
        WebpTestTools.cwebp(png, plain, "-q", "70");
        byte[] icc = new byte[300];
        for (int i = 0; i < icc.length; i++) {
            icc[i] = (byte) (i * 7);
        }
        byte[] exif = exifWithOrientation(6);
        byte[] xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("p.icc"), icc);
        Files.write(dir.resolve("e.exif"), exif);
        Files.write(dir.resolve("x.xmp"), xmp);
        Path withIcc = dir.resolve("i.webp");
        Path withExif = dir.resolve("ie.webp");
        Path all = dir.resolve("iex.webp");
        WebpTestTools.run("webpmux", "-set", "icc", dir.resolve("p.icc").toString(), plain.toString(), "-o", withIcc.toString());
        WebpTestTools.run("webpmux", "-set", "exif", dir.resolve("e.exif").toString(), withIcc.toString(), "-o", withExif.toString());
        WebpTestTools.run("webpmux", "-set", "xmp", dir.resolve("x.xmp").toString(), withExif.toString(), "-o", all.toString());
        Image image = Decoders.open(all, LoadOptions.defaults().autoOrient(false));
        assertArrayEquals(icc, image.metadata.iccProfile());
        assertArrayEquals(exif, image.metadata.exif());
        assertArrayEquals(xmp, image.metadata.xmp());
        assertEquals(6, image.metadata.orientation());
        assertArrayEquals(WebpTestTools.dwebpRgb(all, dir.resolve("m.ppm")), rgba(image));
        // Turned upright by default, as a JPEG with the same EXIF block: orientation 6 is a quarter turn.
        Image upright = Decoders.open(all, LoadOptions.defaults());
        assertEquals(30, upright.width);
        assertEquals(40, upright.height);
    }

    /** A minimal big-endian EXIF block: IFD0 with one Orientation entry. */
    static byte[] exifWithOrientation(int o) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) o, 0, 0, 0, 0, 0, 0};
    }

    @Test
    void losslessInTheExtendedContainerDecodesAsDwebpDoes() throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available() && WebpTestTools.onPath("webpmux"), WebpTestTools.MISSING);
        Path png = WebpTestTools.generated("ll", 50, 37, 22, true).write(dir);
        Path plain = dir.resolve("ll.webp");
        WebpTestTools.cwebp(png, plain, "-lossless");
        Files.write(dir.resolve("x.xmp"), "<xmp/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path extended = dir.resolve("llx.webp");
        WebpTestTools.run("webpmux", "-set", "xmp", dir.resolve("x.xmp").toString(), plain.toString(), "-o", extended.toString());
        byte[] file = Files.readAllBytes(extended);
        assertEquals("VP8X", new String(file, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        Image image = Decoders.open(extended, LoadOptions.defaults());
        assertTrue(image.hasAlpha);
        assertArrayEquals(WebpTestTools.dwebpRgba(extended, dir.resolve("llx.pam")), rgba(image));
    }

    @Test
    void lossyWithAlphaFlagButNoAlphChunkIsOpaqueRgba() throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available(), WebpTestTools.MISSING);
        // A VP8X file whose alpha flag is set but which has no ALPH chunk: libwebp reports alpha, all 255.
        Path webp = dir.resolve("f.webp");
        WebpTestTools.cwebp(WebpTestTools.generated("f", 20, 20, 23, false).write(dir), webp, "-q", "70");
        byte[] simple = Files.readAllBytes(webp);
        int[] vp8 = WebpTestTools.chunk(simple, "VP8 ");
        byte[] x = WebpFiles.extended(0x10, 20, 20, java.util.Arrays.copyOfRange(simple, vp8[0] - 8, simple.length));
        Path flagged = dir.resolve("flagged.webp");
        Files.write(flagged, x);
        Image image = Decoders.open(flagged, LoadOptions.defaults());
        assertTrue(image.hasAlpha);
        assertArrayEquals(WebpTestTools.dwebpRgba(flagged, dir.resolve("flagged.pam")), rgba(image));
    }

    /** All samples of the image, row after row, as dwebp writes them. */
    static byte[] rgba(Image image) {
        dev.lamina.core.Region r = image.fetch(image.bounds());
        int row = image.width * image.bands;
        byte[] out = new byte[row * image.height];
        for (int y = 0; y < image.height; y++) {
            System.arraycopy(r.u8(), r.index(0, y), out, y * row, row);
        }
        return out;
    }

    static Limits limits() {
        return Limits.defaults();
    }
}
