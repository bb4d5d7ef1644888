package dev.lamina.codec.deflate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated inputs for the deflate tests, and the JDK's Inflater as the independent decoder. */
final class DeflateTestData {
    private DeflateTestData() {
    }

    /** Inflates one complete raw deflate stream with java.util.zip and checks it ends exactly at the input's end. */
    static byte[] inflateRaw(byte[] compressed, int compressedLength, int expectedLength) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(compressed, 0, compressedLength);
            byte[] out = new byte[expectedLength + 1];
            int n = 0;
            while (!inf.finished() && n < out.length) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            assertTrue(inf.finished(), "the stream must end with a final block");
            assertEquals(0, inf.getRemaining(), "no bytes may follow the final block");
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new AssertionError("java.util.zip rejects the stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    /** Compresses data in chunks cut at {@code cuts} (ascending), each with the up to 32 KiB before it as dictionary. */
    static ByteSink compressInChunks(DeflateCompressor c, byte[] data, int[] cuts, boolean separateDictionary) {
        ByteSink sink = new ByteSink(16);
        int start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int stop = i < cuts.length ? cuts[i] : data.length;
            int dictLen = Math.min(32768, start);
            if (separateDictionary && dictLen > 0) {
                byte[] dict = new byte[dictLen + 7];
                System.arraycopy(data, start - dictLen, dict, 5, dictLen);
                c.compress(dict, 5, dictLen, data, start, stop - start, i == cuts.length, sink);
            } else {
                c.compress(data, start - dictLen, dictLen, data, start, stop - start, i == cuts.length, sink);
            }
            start = stop;
        }
        return sink;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static byte[] text(int n) {
        String s = "It is a truth universally acknowledged, that a single man in possession of a good fortune, "
                + "must be in want of a wife. However little known the feelings or views of such a man may be "
                + "on his first entering a neighbourhood, this truth is so well fixed in the minds of the "
                + "surrounding families, that he is considered the rightful property of some one or other of "
                + "their daughters. ";
        byte[] unit = s.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            // an occasional typo keeps the matches from all being one long repeat
            b[i] = r.nextInt(97) == 0 ? (byte) ('a' + r.nextInt(26)) : unit[i % unit.length];
        }
        return b;
    }

    static byte[] runs(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        int i = 0;
        while (i < n) {
            int len = Math.min(n - i, 1 + r.nextInt(600));
            Arrays.fill(b, i, i + len, (byte) r.nextInt(4));
            i += len;
        }
        return b;
    }

    /**
     * Rows of a smooth RGBA gradient plus noise, PNG-filtered (Sub on even rows, Paeth on odd ones),
     * each row preceded by its filter-type byte, as a PNG encoder hands them to deflate.
     */
    static byte[] photoFiltered(int width, int height, long seed) {
        int bpp = 4;
        int rowBytes = width * bpp;
        byte[] raw = new byte[rowBytes * height];
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * bpp;
                double g = 0.5 + 0.4 * Math.sin(x * 0.01 + y * 0.003) * Math.cos(y * 0.007);
                raw[i] = (byte) clamp(g * 255 + r.nextInt(9) - 4);
                raw[i + 1] = (byte) clamp(g * 200 + 30 + r.nextInt(7) - 3);
                raw[i + 2] = (byte) clamp((1 - g) * 180 + r.nextInt(11) - 5);
                raw[i + 3] = (byte) 255;
            }
        }
        byte[] out = new byte[(rowBytes + 1) * height];
        for (int y = 0; y < height; y++) {
            int o = y * (rowBytes + 1);
            boolean paeth = (y & 1) == 1;
            out[o] = (byte) (paeth ? 4 : 1);
            for (int i = 0; i < rowBytes; i++) {
                int cur = raw[y * rowBytes + i] & 0xFF;
                int a = i >= bpp ? raw[y * rowBytes + i - bpp] & 0xFF : 0;
                int pred;
                if (paeth) {
                    int b = y > 0 ? raw[(y - 1) * rowBytes + i] & 0xFF : 0;
                    int c = y > 0 && i >= bpp ? raw[(y - 1) * rowBytes + i - bpp] & 0xFF : 0;
                    pred = dev.lamina.codec.png.PngSpec.paeth(a, b, c);
                } else {
                    pred = a;
                }
                out[o + 1 + i] = (byte) (cur - pred);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }


    /**
     * Bytes with repetitive structure: a random mix of fresh random bytes, runs and copies of
     * earlier stretches (from near to 40000 bytes back, so some fall outside the window).
     */
    static byte[] structured(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        int alphabet = 1 + r.nextInt(256);
        int i = 0;
        while (i < n) {
            int kind = r.nextInt(3);
            int len = Math.min(n - i, 1 + r.nextInt(kind == 0 ? 40 : 400));
            if (kind == 0 || i == 0) {
                for (int k = 0; k < len; k++) {
                    b[i + k] = (byte) r.nextInt(alphabet);
                }
            } else if (kind == 1) {
                Arrays.fill(b, i, i + len, b[i - 1]);
            } else {
                int dist = 1 + r.nextInt(Math.min(i, r.nextBoolean() ? 64 : 40000));
                for (int k = 0; k < len; k++) {
                    b[i + k] = b[i + k - dist];   // overlapping copies make runs of patterns
                }
            }
            i += len;
        }
        return b;
    }
}
