package dev.lamina.codec.jpeg;

import dev.lamina.LaminaException;
import dev.lamina.Limits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DC-only path of sequential scans (used for components decoded with the 1x1 IDCT at 1/8
 * scale) against the full coefficient decode of the same file: the same DC in every block, no AC
 * stored, the same end of scan, and on damaged data the same error or warning at the same offset.
 */
class JpegDcOnlyTest {

    private record Outcome(short[][] coefs, int endOfScan, String problem) {
    }

    /** Every block of the first scan, with every component's AC decoded or skipped. */
    private static Outcome decode(byte[] jpeg, boolean dcOnly, boolean strict) {
        JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
        List<String> warnings = new ArrayList<>();
        ScanDecoder sd = new ScanDecoder(f, strict, warnings::add);
        short[][] coefs = new short[f.components.length][];
        for (JpegFrame.Component c : f.components) {
            coefs[c.index] = new short[c.blocksH * c.blocksW * 64];
            sd.dcOnly[c.index] = dcOnly;
        }
        sd.startScan(f.firstScanPos);
        try {
            for (int r = 0; r < sd.scanRows(); r++) {
                sd.decodeRow(r, coefs, 0);
            }
        } catch (LaminaException e) {
            return new Outcome(coefs, -1, e.getMessage());
        }
        return new Outcome(coefs, sd.endOfScan(), warnings.isEmpty() ? null : warnings.get(0));
    }

    private static void assertSameDc(byte[] jpeg, boolean strict) {
        Outcome full = decode(jpeg, false, strict);
        Outcome dc = decode(jpeg, true, strict);
        assertEquals(full.problem(), dc.problem());
        assertEquals(full.endOfScan(), dc.endOfScan());
        for (int c = 0; c < full.coefs().length; c++) {
            short[] a = full.coefs()[c];
            short[] b = dc.coefs()[c];
            for (int o = 0; o < a.length; o += 64) {
                assertEquals(a[o], b[o], "DC of component " + c + " block " + o / 64);
                for (int k = 1; k < 64; k++) {
                    assertEquals(0, b[o + k], "AC stored in the DC-only path");
                }
            }
        }
    }

    private static List<byte[]> files() {
        List<byte[]> list = new ArrayList<>();
        list.add(JpegTestSupport.writeJdk(JpegTestSupport.crop(203, 141, false), Mode.baseline(2, 2).quality(85)));
        list.add(JpegTestSupport.writeJdk(JpegTestSupport.crop(203, 141, false), Mode.baseline(1, 1).quality(100)));
        list.add(JpegTestSupport.writeJdk(JpegTestSupport.crop(64, 48, true), Mode.baseline(1, 1).quality(100).restart(3)));
        list.add(JpegTestSupport.writeJdk(JpegTestSupport.crop(203, 141, false), Mode.baseline(2, 1).quality(20).restart(5)));
        // noise at quality 100: large magnitudes behind long codes, past what one skip entry
        // takes (HuffmanTable.SKIP_MAX_BITS), so the general path inside the skip loop runs too
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        Random rnd = new Random(11);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        list.add(JpegTestSupport.writeJdk(noise, Mode.baseline(2, 2).quality(100)));
        // half photo, half noise, with restarts: many stuffed 0xFF bytes, so both paths switch
        // between bulk and byte-by-byte refills (JpegStuffedBytesTest)
        list.add(JpegTestSupport.writeJdk(JpegStuffedBytesTest.halfNoise(96, 64, false),
                Mode.baseline(2, 2).quality(100).restart(2)));
        return list;
    }

    @Test
    void dcOnlyDecodeMatchesTheFullDecode() {
        List<byte[]> files = files();
        for (byte[] jpeg : files) {
            Outcome full = decode(jpeg, false, true);
            assertEquals(null, full.problem());
            long ac = 0;
            for (short[] c : full.coefs()) {
                for (int i = 0; i < c.length; i++) {
                    ac += (i & 63) != 0 && c[i] != 0 ? 1 : 0;
                }
            }
            assertTrue(ac > 1000, "test file has too few AC coefficients to exercise skipping");
            assertSameDc(jpeg, true);
        }
    }

    @Test
    void damagedDataFailsOrWarnsAtTheSamePlace() {
        Random rnd = new Random(5);
        int problems = 0;
        for (byte[] jpeg : files()) {
            JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
            int start = f.firstScanPos + 20;
            for (int i = 0; i < 60; i++) {
                byte[] bad = jpeg.clone();
                int n = 1 + rnd.nextInt(3);
                for (int j = 0; j < n; j++) {
                    bad[start + rnd.nextInt(bad.length - start - 2)] = (byte) rnd.nextInt(256);
                }
                if (i % 7 == 0) {
                    bad = java.util.Arrays.copyOf(bad, start + rnd.nextInt(bad.length - start));
                }
                for (boolean strict : new boolean[] {true, false}) {
                    assertSameDc(bad, strict);
                    problems += decode(bad, false, strict).problem() != null ? 1 : 0;
                }
            }
        }
        assertTrue(problems > 50, "too few damaged files were detected as damaged: " + problems);
    }
}
