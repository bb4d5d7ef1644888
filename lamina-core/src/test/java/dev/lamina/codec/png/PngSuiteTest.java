package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Region;
import dev.lamina.core.StripSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PngSuite (Willem van Schaik): every valid file decodes to exactly the samples the JDK's ImageIO
 * reads from it, and every file made corrupt on purpose (names starting with 'x') is refused with a
 * LaminaException that names the file.
 */
class PngSuiteTest {

    static Stream<String> validFiles() {
        return suite().filter(n -> !n.startsWith("x"));
    }

    static Stream<String> corruptFiles() {
        return suite().filter(n -> n.startsWith("x"));
    }

    private static Stream<String> suite() {
        try (Stream<Path> files = Files.list(PngTestFiles.resource("pngsuite"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .sorted().toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void decodesEverySampleAsImageIoDoes(String file) throws IOException {
        Path path = PngTestFiles.resource("pngsuite/" + file);
        Image image = PngDecoder.open(path, Limits.defaults());
        Region ours = image.materialise(Limits.defaults(), "test").fetch(image.bounds());

        BufferedImage reference = ImageIO.read(path.toFile());
        Raster raster = reference.getRaster();
        ColorModel cm = reference.getColorModel();
        assertEquals(reference.getWidth(), image.width, file);
        assertEquals(reference.getHeight(), image.height, file);
        assertEquals(file.contains("16") && !file.startsWith("s") ? BandFormat.U16 : BandFormat.U8, image.format, file);

        List<PngTestFiles.Chunk> chunks = PngTestFiles.parse(Files.readAllBytes(path));
        byte[] ihdr = chunks.getFirst().data();
        int depth = ihdr[8];
        int colourType = ihdr[9];
        int[] key = transparencyKey(chunks, colourType);
        boolean expectAlpha = colourType == 4 || colourType == 6 || chunks.stream().anyMatch(c -> c.type().equals("tRNS"));
        assertEquals(expectAlpha, image.hasAlpha, file + " alpha");
        assertEquals(colourType == 0 || colourType == 4 ? Interpretation.GREY : Interpretation.RGB,
                image.interpretation, file);

        int colourBands = image.interpretation.colourBands;
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                int[] expected = expectedPixel(raster, cm, x, y, colourBands, image.hasAlpha, key, depth);
                for (int b = 0; b < image.bands; b++) {
                    int got = (int) ours.raw(x, y, b);
                    if (got != expected[b]) {
                        fail(file + ": pixel (" + x + "," + y + ") band " + b + ": expected " + expected[b]
                                + ", decoded " + got);
                    }
                }
            }
        }
    }

    /**
     * The samples ImageIO gives for one pixel, laid out as Lamina lays them out: palettes (and
     * ImageIO's grey ramps for depths under 8) through the IndexColorModel; the alpha of a tRNS
     * colour key computed here from the raw sample when ImageIO does not apply it, and for grey
     * below depth 8, where ImageIO (JDK 25) widens the samples to 8 bits and then never matches the
     * key (tbbn0g04 comes out opaque although every pixel of its first row equals the key).
     */
    private static int[] expectedPixel(Raster raster, ColorModel cm, int x, int y, int colourBands,
                                       boolean alpha, int[] key, int depth) {
        int[] out = new int[colourBands + (alpha ? 1 : 0)];
        int[] raw = raster.getPixel(x, y, (int[]) null);
        if (cm instanceof IndexColorModel icm) {
            int i = raw[0];
            if (colourBands == 1) {
                out[0] = icm.getRed(i);
            } else {
                out[0] = icm.getRed(i);
                out[1] = icm.getGreen(i);
                out[2] = icm.getBlue(i);
            }
            if (alpha) {
                out[colourBands] = key != null && !icm.hasAlpha() ? (i == key[0] ? 0 : 255) : icm.getAlpha(i);
            }
            return out;
        }
        System.arraycopy(raw, 0, out, 0, Math.min(raw.length, out.length));
        if (alpha && key != null && depth < 8) {
            // ImageIO scaled the grey by 255/(2^d-1), a one-to-one map: compare with the key scaled alike
            out[1] = raw[0] == key[0] * 255 / ((1 << depth) - 1) ? 0 : 255;
        } else if (alpha && raw.length == colourBands) {
            // ImageIO left the tRNS colour key unapplied: transparent exactly where every sample equals it
            boolean match = true;
            for (int b = 0; b < colourBands; b++) {
                match &= raw[b] == key[b];
            }
            int max = raster.getSampleModel().getSampleSize(0) == 16 ? 65535 : 255;
            out[colourBands] = match ? 0 : max;
        }
        return out;
    }

    /** The tRNS colour key of a grey or RGB file, read from the chunk bytes; null otherwise. */
    private static int[] transparencyKey(List<PngTestFiles.Chunk> chunks, int colourType) {
        if (colourType != 0 && colourType != 2) {
            return null;
        }
        for (PngTestFiles.Chunk c : chunks) {
            if (c.type().equals("tRNS")) {
                byte[] d = c.data();
                int[] key = new int[d.length / 2];
                for (int i = 0; i < key.length; i++) {
                    key[i] = (d[2 * i] & 0xFF) << 8 | (d[2 * i + 1] & 0xFF);
                }
                return key;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("corruptFiles")
    void refusesCorruptFileNamingIt(String file) {
        Path path = PngTestFiles.resource("pngsuite/" + file);
        LaminaException e = assertThrows(LaminaException.class, () -> {
            Image image = PngDecoder.open(path, Limits.defaults());
            StripSink.run(image, strip -> { });
        });
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
    }
}
