package dev.lamina.codec.jpeg;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
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
        // optimised tables (our encoder's two passes): an end of block and the commonest
        // coefficients get one- to three-bit codes, so one skip look-up steps over up to a dozen
        // codes, an end of block among them, and (in the noise) over the end of a block into the
        // next block's bits, which the skip loop must leave to the general path
        dev.lamina.model.JpegOptions q30 = dev.lamina.model.JpegOptions.jpeg().quality(30);
        list.add(JpegEncoderTest.encode(JpegEncoderTest.lamina(JpegTestSupport.crop(203, 141, false)), q30,
                new JpegEncodeExtras(true, 4)));
        list.add(JpegEncoderTest.encode(JpegEncoderTest.lamina(JpegStuffedBytesTest.halfNoise(96, 64, true)),
                dev.lamina.model.JpegOptions.jpeg().quality(100), new JpegEncodeExtras(true, 0)));
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

    /**
     * Each multi-code skip entry against the codes of its prefix taken one at a time, the codes
     * generated from the counts as T.81 Annex C does, for random complete and incomplete tables
     * (one-bit codes, runs of sixteen zeros and ends of block anywhere).
     */
    @Test
    void skipEntriesStepOverTheWholeCodesOfTheirPrefix() {
        Random rnd = new Random(23);
        int checked = 0;
        for (int t = 0; t < 200; t++) {
            int[] counts = new int[17];
            int total = 0;
            long room = 1L << 16;   // Kraft budget in units of 2^-16
            for (int len = 1; len <= 16 && total < 256; len++) {
                int max = (int) Math.min(256 - total, room >> (16 - len));
                int n = max == 0 ? 0 : rnd.nextInt(Math.min(max, t % 3 == 0 ? 2 : 8) + 1);
                counts[len] = n;
                total += n;
                room -= (long) n << (16 - len);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                int run = rnd.nextInt(16);
                int size = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(10);
                symbols[i] = run << 4 | size;
            }
            HuffmanTable table = HuffmanTable.build(counts, symbols);
            int[] skip = table.skipCodes();
            // Annex C: code lengths and canonical codes
            List<int[]> codes = new ArrayList<>();   // {length, code, symbol}
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                for (int i = 0; i < counts[len]; i++) {
                    codes.add(new int[] {len, code++, symbols[k++]});
                }
                code <<= 1;
            }
            for (int p = 0; p < 1 << HuffmanTable.SKIP_LOOKAHEAD; p++) {
                int used = 0;
                int advance = 0;
                int before = 0;
                boolean done = false;
                while (!done) {
                    int[] found = null;
                    for (int[] c : codes) {
                        int avail = HuffmanTable.SKIP_LOOKAHEAD - used;
                        if (c[0] <= avail && ((p >> (avail - c[0])) & ((1 << c[0]) - 1)) == c[1]) {
                            found = c;
                        }
                    }
                    if (found == null) {
                        break;
                    }
                    int run = found[2] >> 4;
                    int size = found[2] & 15;
                    boolean end = size == 0 && run != 15;
                    int bits = found[0] + (end ? 0 : size);
                    if (used + bits > HuffmanTable.SKIP_MAX_BITS) {
                        break;
                    }
                    before = advance;
                    advance += end ? 64 : size == 0 ? 16 : run + 1;
                    used += bits;
                    done = end || advance >= 64;
                }
                int want = used == 0 ? 0 : before << 16 | advance << 8 | used;
                assertEquals(want, skip[p], "table " + t + " prefix " + p);
                checked += used > 0 ? 1 : 0;
            }
        }
        assertTrue(checked > 100_000, "too few prefixes hold a code: " + checked);
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
