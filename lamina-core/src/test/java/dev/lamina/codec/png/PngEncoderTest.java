package dev.lamina.codec.png;

import dev.lamina.model.Metadata;
import dev.lamina.model.PngFilter;
import dev.lamina.model.PngOptions;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Region;
import dev.lamina.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Adler32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file the encoder writes must decode in an independent decoder (the JDK's) to exactly the pixels written. */
class PngEncoderTest {

    static Stream<Arguments> layouts() {
        List<Arguments> a = new ArrayList<>();
        for (Interpretation interp : Interpretation.values()) {
            for (boolean alpha : new boolean[]{false, true}) {
                for (BandFormat f : new BandFormat[]{BandFormat.U8, BandFormat.U16}) {
                    for (PngFilter filter : PngFilter.values()) {
                        a.add(Arguments.of(interp, alpha, f, filter));
                    }
                }
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} alpha={1} {2} {3}")
    @MethodSource("layouts")
    void decodesInImageIoToTheSamePixels(Interpretation interp, boolean alpha, BandFormat format, PngFilter filter)
            throws IOException {
        Image image = TestImages.photoLike(67, 45, interp, alpha, format, 7);
        byte[] png = encode(image, PngOptions.png().filter(filter));
        assertSamePixels(image, png);
    }

    @Test
    void manyChunksWithDictionariesJoinIntoOneValidStream() throws IOException {
        // 600 x 4 bytes per row and 2000 rows: a few megabytes, so a dozen chunks with dictionaries.
        Image image = TestImages.photoLike(600, 2000, Interpretation.RGB, true, BandFormat.U8, 3);
        for (int level : new int[]{0, 1, 6, 9}) {
            byte[] png = encode(image, PngOptions.png().compression(level));
            assertSamePixels(image, png);
        }
    }

    @Test
    void zlibTrailerIsTheAdlerOfTheWholeFilteredStream() throws IOException {
        Image image = TestImages.photoLike(300, 900, Interpretation.RGB, false, BandFormat.U8, 5);
        byte[] png = encode(image, PngOptions.png().filter(PngFilter.NONE));
        // With filter NONE the filtered stream is each row's 0 byte then its samples: recompute its
        // Adler-32 independently and compare with the last four bytes of the zlib stream.
        Region all = image.fetch(image.bounds());
        Adler32 expected = new Adler32();
        for (int y = 0; y < image.height; y++) {
            expected.update(0);
            expected.update(all.u8(), all.index(0, y), image.width * 3);
        }
        byte[] zlib = idatStream(png);
        long stored = ((zlib[zlib.length - 4] & 0xFFL) << 24) | ((zlib[zlib.length - 3] & 0xFF) << 16)
                | ((zlib[zlib.length - 2] & 0xFF) << 8) | (zlib[zlib.length - 1] & 0xFF);
        assertEquals(expected.getValue(), stored);
        assertEquals(0, (((zlib[0] & 0xFF) << 8) | (zlib[1] & 0xFF)) % 31, "zlib header check bits");
    }

    @Test
    void adlerCombineMatchesAdlerOfTheConcatenation() {
        byte[] a = "Lamina composites layers".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[70000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + (i >> 7));
        }
        Adler32 whole = new Adler32(), pa = new Adler32(), pb = new Adler32();
        whole.update(a);
        whole.update(b);
        pa.update(a);
        pb.update(b);
        assertEquals(whole.getValue(), PngEncoder.adlerCombine(pa.getValue(), pb.getValue(), b.length));
    }

    @Test
    void paethPicksTheNeighbourNearestTheLinearPrediction() {
        // p = a + b - c; from the spec's worked definition
        assertEquals(10, PngPaeth.predict(10, 20, 20));   // p = 10: a exactly
        assertEquals(20, PngPaeth.predict(10, 20, 10));   // p = 20: b exactly
        assertEquals(15, PngPaeth.predict(20, 10, 15));   // p = 15: c exactly
        assertEquals(100, PngPaeth.predict(100, 100, 100));
    }

    @Test
    void f32ImagesAreWrittenAs16BitRoundedSamples() throws IOException {
        Image image = TestImages.photoLike(31, 17, Interpretation.GREY, true, BandFormat.F32, 9);
        byte[] png = encode(image, PngOptions.png());
        BufferedImage bi = ImageIO.read(new ByteArrayInputStream(png));
        Raster r = bi.getRaster();
        Region src = image.fetch(image.bounds());
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                for (int b = 0; b < 2; b++) {
                    long want = Math.round(src.sample(x, y, b) * 65535.0);
                    assertEquals(want, r.getSample(x, y, b), 1.0, "a correctly rounded 16-bit sample");
                }
            }
        }
    }

    @Test
    void metadataChunksAreWrittenBeforeTheImageData() throws IOException {
        Metadata m = new Metadata(null, null, 45455, 0, new Metadata.Density(2835, 2835, true),
                List.of(new Metadata.Text("Title", "Lamina"), new Metadata.Text("Comment", "caf\u00e9 \u2615")),
                1, null);
        Image image = TestImages.photoLike(8, 8, Interpretation.RGB, false, BandFormat.U8, 1).withMetadata(m);
        byte[] png = encode(image, PngOptions.png());
        String layout = chunkTypes(png);
        assertEquals("IHDR gAMA sRGB pHYs tEXt iTXt IDAT IEND", layout);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void outputDoesNotDependOnAnythingButPixelsAndOptions() throws IOException {
        Image image = TestImages.photoLike(500, 700, Interpretation.RGB, true, BandFormat.U8, 11);
        assertArrayEquals(encode(image, PngOptions.png()), encode(image, PngOptions.png()));
    }

    static byte[] encode(Image image, PngOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(image, out, options);
        return out.toByteArray();
    }

    static void assertSamePixels(Image image, byte[] png) throws IOException {
        BufferedImage bi = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(bi, "ImageIO could not read the file");
        Raster r = bi.getRaster();
        assertEquals(image.width, r.getWidth());
        assertEquals(image.height, r.getHeight());
        assertEquals(image.bands, r.getNumBands());
        Region src = image.fetch(image.bounds());
        int[] px = new int[image.bands];
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                r.getPixel(x, y, px);
                for (int b = 0; b < image.bands; b++) {
                    int want = (int) src.raw(x, y, b);
                    if (px[b] != want) {
                        throw new AssertionError("sample (" + x + "," + y + "," + b + "): " + px[b] + " != " + want);
                    }
                }
            }
        }
    }

    static String chunkTypes(byte[] png) {
        StringBuilder s = new StringBuilder();
        String lastType = "";
        for (int p = 8; p < png.length; ) {
            int len = ((png[p] & 0xFF) << 24) | ((png[p + 1] & 0xFF) << 16) | ((png[p + 2] & 0xFF) << 8) | (png[p + 3] & 0xFF);
            String type = new String(png, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (!(type.equals("IDAT") && lastType.equals("IDAT"))) {
                s.append(s.isEmpty() ? "" : " ").append(type);
            }
            lastType = type;
            p += 12 + len;
        }
        return s.toString();
    }

    static byte[] idatStream(byte[] png) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        for (int p = 8; p < png.length; ) {
            int len = ((png[p] & 0xFF) << 24) | ((png[p + 1] & 0xFF) << 16) | ((png[p + 2] & 0xFF) << 8) | (png[p + 3] & 0xFF);
            String type = new String(png, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) {
                z.write(png, p + 8, len);
            }
            p += 12 + len;
        }
        byte[] zz = z.toByteArray();
        assertTrue(zz.length > 6);
        return zz;
    }
}
