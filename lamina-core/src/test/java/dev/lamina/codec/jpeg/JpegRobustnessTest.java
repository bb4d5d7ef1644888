package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Truncated, corrupt and unusual files: our errors with file and offset, or the same pixels. */
class JpegRobustnessTest {

    static byte[] baseline() {
        return JpegTestSupport.writeJdk(JpegTestSupport.crop(96, 64, false), Mode.baseline(2, 2));
    }

    static byte[] progressive() {
        return JpegTestSupport.writeJdk(JpegTestSupport.crop(96, 64, false), Mode.baseline(2, 2).asProgressive());
    }

    static byte[] decode(byte[] jpeg, JpegDecodeOptions o) {
        Image image = JpegDecoder.open(jpeg, "bad.jpg", Limits.defaults(), o);
        return JpegTestSupport.samples(image);
    }

    /** Marker segments of a file as [offset, length-with-marker] pairs, up to the first SOS (inclusive). */
    static List<int[]> segments(byte[] d) {
        List<int[]> list = new ArrayList<>();
        int p = 2;
        while (p < d.length) {
            int m = d[p + 1] & 0xFF;
            int len = ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
            list.add(new int[] {p, len + 2, m});
            p += len + 2;
            if (m == 0xDA) {
                break;
            }
        }
        return list;
    }

    static int scanDataStart(byte[] d) {
        int[] last = segments(d).getLast();
        return last[0] + last[1];
    }

    @Test
    void truncatedDataIsAnErrorNamingFileAndOffset() {
        byte[] full = baseline();
        int cut = scanDataStart(full) + (full.length - scanDataStart(full)) / 2;
        byte[] half = java.util.Arrays.copyOf(full, cut);
        LaminaException e = assertThrows(LaminaException.class, () -> decode(half, JpegDecodeOptions.defaults()));
        assertTrue(e.getMessage().startsWith("bad.jpg: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("offset " + cut), e.getMessage());
    }

    @Test
    void truncatedDataCanKeepWhatDecodedWithAWarning() {
        for (byte[] full : new byte[][] {baseline(), progressive()}) {
            int cut = scanDataStart(full) + (full.length - scanDataStart(full)) / 2;
            byte[] half = java.util.Arrays.copyOf(full, cut);
            List<String> warnings = new ArrayList<>();
            byte[] got = decode(half, JpegDecodeOptions.defaults().failOnError(false).warnings(warnings::add));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.getFirst().contains("bad.jpg") && warnings.getFirst().contains("offset"));
            byte[] all = JpegTestSupport.samples(JpegTestSupport.readWith(full, true), 3);
            // baseline: the first MCU row decoded completely and equals the full decode
            if (!JpegFrame.parse(full, "x", Limits.defaults()).progressive) {
                byte[] firstRows = java.util.Arrays.copyOf(got, 96 * 16 * 3);
                assertArrayEquals(java.util.Arrays.copyOf(all, 96 * 16 * 3), firstRows);
            }
        }
    }

    @Test
    void missingEoiDecodesAsTheWholeFile() {
        for (byte[] full : new byte[][] {baseline(), progressive()}) {
            byte[] noEoi = java.util.Arrays.copyOf(full, full.length - 2);
            byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(full, true), 3);
            assertArrayEquals(want, decode(noEoi, JpegDecodeOptions.defaults()));
        }
    }

    @Test
    void fillBytesBeforeMarkersAreSkipped() {
        byte[] full = JpegTestSupport.writeJdk(JpegTestSupport.crop(96, 64, false), Mode.baseline(2, 2).restart(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int data = scanDataStart(full);
        out.write(full, 0, 2);
        for (int[] s : segments(full)) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});   // fill before every marker
            out.write(full, s[0], s[1]);
        }
        for (int i = data; i < full.length; i++) {
            int b = full[i] & 0xFF;
            int next = i + 1 < full.length ? full[i + 1] & 0xFF : 0;
            if (b == 0xFF && next >= 0xD0 && next <= 0xD9) {
                out.write(0xFF);   // and before every RST and the EOI
                out.write(0xFF);
            }
            out.write(b);
        }
        byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(full, true), 3);
        assertArrayEquals(want, decode(out.toByteArray(), JpegDecodeOptions.defaults()));
    }

    @Test
    void markersInUnusualOrder() {
        byte[] full = baseline();
        List<int[]> segs = segments(full);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(full, 0, 2);
        // COM and an unknown APP15 first, then SOF before the tables, DHT before DQT, SOS last
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 5, 'h', 'i', '!'});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEF, 0, 4, 1, 2});
        int[] order = {0xC0, 0xC4, 0xDB, 0xE0};
        for (int m : order) {
            for (int[] s : segs) {
                if (s[2] == m) {
                    out.write(full, s[0], s[1]);
                }
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 3, 'x'});
        int[] sos = segs.getLast();
        out.write(full, sos[0], full.length - sos[0]);
        byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(full, true), 3);
        byte[] odd = out.toByteArray();
        assertArrayEquals(want, decode(odd, JpegDecodeOptions.defaults()));
        assertArrayEquals(want, JpegTestSupport.samples(JpegTestSupport.readWith(odd, true), 3));
    }

    /** Random damage: always our exception or an image, never another exception, never a hang. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void randomDamageNeverEscapesOrHangs(boolean prog) {
        byte[] full = prog ? progressive() : JpegTestSupport.writeJdk(JpegTestSupport.crop(64, 48, false),
                Mode.baseline(2, 1).restart(3));
        Random rnd = new Random(prog ? 7 : 11);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (int trial = 0; trial < 300; trial++) {
                byte[] d = full.clone();
                int hits = 1 + rnd.nextInt(6);
                for (int k = 0; k < hits; k++) {
                    int at = rnd.nextInt(d.length);
                    d[at] = (byte) (rnd.nextInt(4) == 0 ? 0xFF : rnd.nextInt(256));
                }
                if (rnd.nextInt(5) == 0) {
                    d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length));
                }
                for (boolean strict : new boolean[] {true, false}) {
                    try {
                        decode(d, JpegDecodeOptions.defaults().failOnError(strict).warnings(w -> { }));
                    } catch (LaminaException e) {
                        assertTrue(e.getMessage().startsWith("bad.jpg"), e.getMessage());
                        assertFalse(e.getMessage().contains("\n"));
                    }
                }
            }
        });
    }

    @Test
    void pixelLimitIsCheckedBeforeAllocation() {
        // a 60000 x 4000 header (240 Mpixels) with the data of a small image
        byte[] full = baseline();
        byte[] d = full.clone();
        for (int[] s : segments(d)) {
            if (s[2] == 0xC0) {
                d[s[0] + 5] = (byte) (4000 >> 8);
                d[s[0] + 6] = (byte) (4000 & 0xFF);
                d[s[0] + 7] = (byte) (60000 >> 8);
                d[s[0] + 8] = (byte) (60000 & 0xFF);
            }
        }
        LaminaException e = assertThrows(LaminaException.class,
                () -> JpegDecoder.open(d, "big.jpg", Limits.defaults().maxPixels(1_000_000), JpegDecodeOptions.defaults()));
        assertTrue(e.getMessage().contains("big.jpg") && e.getMessage().contains("limit"), e.getMessage());
        // within the default limit the header opens, and the missing data is a clean error
        Image huge = JpegDecoder.open(d, "big.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(60000, huge.width);
        LaminaException e2 = assertThrows(LaminaException.class,
                () -> JpegDecoder.open(d, "big.jpg", Limits.defaults(), JpegDecodeOptions.defaults())
                        .fetch(new dev.lamina.core.Rect(0, 0, 60000, 32)));
        assertTrue(e2.getMessage().startsWith("big.jpg: ") && e2.getMessage().contains("offset"), e2.getMessage());
    }

    @Test
    void notAJpeg() {
        assertFalse(JpegDecoder.isJpeg(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertTrue(JpegDecoder.isJpeg(baseline()));
        LaminaException e = assertThrows(LaminaException.class,
                () -> JpegDecoder.open(new byte[] {1, 2, 3, 4, 5}, "x.png", Limits.defaults(), JpegDecodeOptions.defaults()));
        assertTrue(e.getMessage().startsWith("x.png: "));
        assertThrows(LaminaException.class,
                () -> JpegDecoder.open(java.util.Arrays.copyOf(baseline(), 30), "short.jpg", Limits.defaults(), JpegDecodeOptions.defaults()));
    }

    @Test
    void opensFilesAndReopensThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] full = baseline();
        Path f = dir.resolve("a.jpg");
        Files.write(f, full);
        Image image = JpegDecoder.open(f, Limits.defaults(), JpegDecodeOptions.defaults());
        byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(full, true), 3);
        assertArrayEquals(want, JpegTestSupport.samples(image));
        assertArrayEquals(want, JpegTestSupport.samples(image));   // asked again: the file is read again
        Files.write(f, java.util.Arrays.copyOf(full, full.length / 2));
        LaminaException e = assertThrows(LaminaException.class,
                () -> JpegTestSupport.samples(JpegDecoder.open(f, Limits.defaults(), JpegDecodeOptions.defaults())));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
    }

    @Test
    void edgesOf65500Pixels() {
        for (int[] size : new int[][] {{65500, 2}, {3, 65500}}) {
            java.awt.image.BufferedImage src = JpegTestSupport.crop(size[0], size[1], false);
            byte[] jpeg = JpegTestSupport.writeJdk(src, Mode.baseline(2, 2));
            byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(jpeg, true), 3);
            assertArrayEquals(want, decode(jpeg, JpegDecodeOptions.defaults()));
        }
    }
}
