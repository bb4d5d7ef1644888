package dev.lamina.codec.webp.lossy;

import dev.lamina.model.Limits;
import dev.lamina.codec.webp.WebpTestTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The VP8 decoder alone (the frame of a simple {@code RIFF/VP8 } file made by {@code cwebp}) gives
 * exactly {@code dwebp -ppm}'s samples, across cwebp's lossy settings: every quality band, the
 * loop filter off, simple and normal at several strengths and sharpness, 1-4 segments, spatial
 * noise shaping, sharp YUV, and sizes that are not multiples of 16; and files with 2, 4 and 8 token
 * partitions, which cwebp cannot write (made through libwebp's API, committed).
 */
class Vp8DecoderVsDwebpTest {
    @TempDir
    static Path dir;

    static final String[][] OPTIONS = {
        {"-q", "10"}, {"-q", "30"}, {"-q", "50"}, {"-q", "75"}, {"-q", "90"}, {"-q", "100"},
        {"-q", "75", "-f", "0"}, {"-q", "60", "-f", "100", "-sharpness", "0"}, {"-q", "60", "-f", "40", "-sharpness", "7"},
        {"-q", "40", "-f", "70", "-strong"}, {"-q", "40", "-f", "70", "-nostrong"}, {"-q", "80", "-f", "30", "-sharpness", "3", "-nostrong"},
        {"-q", "70", "-segments", "1"}, {"-q", "70", "-segments", "2", "-sns", "100"}, {"-q", "70", "-segments", "3", "-sns", "0"},
        {"-q", "70", "-segments", "4", "-sns", "80"}, {"-q", "70", "-partition_limit", "100"},
        {"-q", "70", "-m", "0"}, {"-q", "70", "-m", "6"}, {"-q", "85", "-sharp_yuv"}, {"-q", "5", "-m", "2", "-f", "100"},
        {"-q", "95", "-af"}, {"-q", "50", "-size", "2000"}, {"-q", "70", "-pass", "3", "-m", "4"},
    };

    static Stream<WebpTestTools.Source> sources() {
        return WebpTestTools.lossySources();
    }

    @ParameterizedTest
    @MethodSource("sources")
    void decodesAsDwebpDoes(WebpTestTools.Source source) throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available(), WebpTestTools.MISSING);
        Path input = source.write(dir);
        for (String[] options : OPTIONS) {
            String tag = source.name() + " " + String.join(" ", options);
            byte[] file = WebpTestTools.cwebp(input, dir.resolve("t.webp"), options);
            int[] chunk = WebpTestTools.chunk(file, "VP8 ");
            byte[] expected = WebpTestTools.dwebpRgb(dir.resolve("t.webp"), dir.resolve("t.ppm"));
            assertArrayEquals(expected, decodeRgb(file, chunk[0], chunk[1], tag), tag);
        }
    }

    /** Files with 2, 4 and 8 token partitions (written through libwebp's API: see their README). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"coffee-p1", "coffee-p2", "coffee-p3", "chelsea-p1",
        "chelsea-p2", "chelsea-p3"})
    void tokenPartitionsDecodeAsDwebpDoes(String name) throws IOException {
        Assumptions.assumeTrue(WebpTestTools.available(), WebpTestTools.MISSING);
        Path file = WebpTestTools.resource("webp/partitions/" + name + ".webp");
        byte[] data = java.nio.file.Files.readAllBytes(file);
        int[] chunk = WebpTestTools.chunk(data, "VP8 ");
        assertArrayEquals(WebpTestTools.dwebpRgb(file, dir.resolve(name + ".ppm")), decodeRgb(data, chunk[0], chunk[1], name), name);
    }

    static byte[] decodeRgb(byte[] data, int offset, int length, String name) {
        Vp8Decoder d = Vp8Decoder.open(data, offset, length, name, Limits.defaults());
        byte[] out = new byte[d.width() * d.height() * 3];
        for (int y = 0; y < d.height(); y++) {
            d.rgbRow(y, out, y * d.width() * 3, 3);
        }
        return out;
    }
}
