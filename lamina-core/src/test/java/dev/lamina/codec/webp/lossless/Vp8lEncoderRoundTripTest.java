package dev.lamina.codec.webp.lossless;

import dev.lamina.model.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Round trips through the encoder: every effort, exact and not, on generated content of every
 * kind and on odd sizes, decoded by Lamina's decoder and by libwebp's dwebp; both must give the
 * input back (when not exact, the colour of fully transparent pixels may change, their alpha not;
 * and the two decoders agree on every sample).
 */
class Vp8lEncoderRoundTripTest {
    @TempDir
    static Path dir;

    static Stream<TestImages.Argb> images() {
        return Stream.of(
                TestImages.noise(1, 1, 1, true), TestImages.noise(2, 1, 2, true), TestImages.noise(1, 9, 3, false),
                TestImages.noise(37, 23, 4, true), TestImages.gradient(101, 67, 5), TestImages.gradient(9, 130, 6),
                TestImages.palette(64, 33, 1, 7), TestImages.palette(65, 33, 2, 8), TestImages.palette(63, 20, 4, 9),
                TestImages.palette(66, 21, 16, 10), TestImages.palette(70, 40, 17, 11), TestImages.palette(80, 50, 256, 12),
                TestImages.pattern(160, 100, 13), TestImages.shiftedRows(700, 40, 14), TestImages.flat(50, 3, 0x00123456), TestImages.flat(3, 50, 0xff000000));
    }

    static Stream<Integer> efforts() {
        return IntStream.rangeClosed(0, 9).boxed();
    }

    @ParameterizedTest
    @MethodSource("efforts")
    void everyImageComesBackAtThisEffort(int effort) throws IOException {
        boolean tools = WebpTools.available();
        for (TestImages.Argb image : images().toList()) {
            for (boolean exact : new boolean[] {true, false}) {
                String tag = image.name() + " effort " + effort + (exact ? " exact" : "");
                byte[] payload = Vp8lEncoder.encode(image.pixels(), image.width(), image.height(), new Vp8lEncodeOptions(effort, exact));
                byte[] file = WebpLosslessFile.wrap(payload);
                int[] ours = WebpTools.decode(file, tag);
                assertArrayEquals(visible(image.pixels(), exact), visible(ours, exact), tag + ": Lamina's decoder");
                if (tools) {
                    Path webp = dir.resolve("rt.webp");
                    Files.write(webp, file);
                    assertArrayEquals(ours, WebpTools.dwebp(webp, dir.resolve("rt.pam")), tag + ": dwebp");
                }
            }
        }
    }

    @Test
    void alphaPlanesComeBackThroughTheHeaderlessStream() {
        SplittableRandom r = new SplittableRandom(5);
        int w = 57;
        int h = 31;
        byte[] alpha = new byte[w * h];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (byte) (r.nextInt(6) == 0 ? r.nextInt(256) : (i % w) * 4);
        }
        for (int effort : new int[] {0, 4, 9}) {
            byte[] stream = Vp8lEncoder.encodeAlpha(alpha, w, h, new Vp8lEncodeOptions(effort, false));
            ArgbRowReader rows = Vp8lDecoder.imageStream(stream, 0, stream.length, w, h, "alpha", Limits.defaults());
            for (int y = 0; y < h; y++) {
                int[] row = rows.nextRow();
                for (int x = 0; x < w; x++) {
                    assertEquals(alpha[y * w + x] & 0xff, (row[x] >>> 8) & 0xff, "alpha at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        TestImages.Argb image = TestImages.gradient(120, 80, 3);
        byte[] first = Vp8lEncoder.encode(image.pixels(), image.width(), image.height(), Vp8lEncodeOptions.defaults());
        byte[] second = Vp8lEncoder.encode(image.pixels(), image.width(), image.height(), Vp8lEncodeOptions.defaults());
        assertArrayEquals(first, second);
    }

    /** The pixels with the colour of fully transparent ones set to 0 unless {@code exact}: what must survive. */
    static int[] visible(int[] argb, boolean exact) {
        int[] out = argb.clone();
        for (int i = 0; i < out.length && !exact; i++) {
            if (out[i] >>> 24 == 0) {
                out[i] = 0;
            }
        }
        return out;
    }
}
