package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Streams written bit by bit here (with a writer of the test's own, from RFC 9649), for features
 * cwebp rarely or never emits: predictor modes 14 and 15, a colour cache in a sub-image, simple
 * codes with a 1-bit first symbol, a normal code with one used length of 7 and a trimmed
 * max_symbol, palette indices beyond the palette, and a plane distance that lands below 1 on a
 * one-pixel-wide image. The expected pixels are dwebp's (and, where the rule is simple, stated).
 */
class Vp8lHandBuiltStreamsTest {
    @TempDir
    static Path dir;

    /** LSB-first bit writer, written for the test from RFC 9649 3.2. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int n;

        Bits put(int value, int bits) {
            for (int i = 0; i < bits; i++) {
                acc |= (long) ((value >>> i) & 1) << n++;
                if (n == 8) {
                    out.write((int) acc);
                    acc = 0;
                    n = 0;
                }
            }
            return this;
        }

        /** A prefix code of the simple form with one 8-bit symbol. */
        Bits simple1(int symbol) {
            return put(1, 1).put(0, 1).put(1, 1).put(symbol, 8);
        }

        byte[] bytes(int width, int height, boolean alpha) {
            if (n > 0) {
                out.write((int) acc);
            }
            long h = (width - 1L) | ((height - 1L) << 14) | ((alpha ? 1L : 0) << 28);
            byte[] body = out.toByteArray();
            byte[] all = new byte[5 + body.length];
            all[0] = 0x2f;
            for (int i = 0; i < 4; i++) {
                all[1 + i] = (byte) (h >>> (8 * i));
            }
            System.arraycopy(body, 0, all, 5, body.length);
            return all;
        }
    }

    @Test
    void predictorModes14And15AndACachedSubImageAndOneBitSimpleCodes() throws IOException {
        Bits b = new Bits();
        // predictor transform, 4x4 tiles over an 8x4 image: a 2x1 sub-image
        b.put(1, 1).put(0, 2).put(0, 3);
        b.put(1, 1).put(1, 4);                // sub-image colour cache of 1 bit
        b.put(1, 1).put(1, 1).put(1, 1).put(14, 8).put(15, 8);   // green: simple, two 8-bit symbols 14 and 15
        b.simple1(0).simple1(0).simple1(255).simple1(0);
        b.put(0, 1).put(1, 1);                // sub-image pixels: mode 14 then mode 15
        b.put(0, 1);                          // no more transforms
        b.put(0, 1).put(0, 1);                // main: no cache, no meta codes
        b.put(1, 1).put(1, 1).put(0, 1).put(1, 1).put(200, 8);   // green: simple, 1-bit symbol 1 and symbol 200
        b.simple1(7);                                             // red 7
        b.put(1, 1).put(1, 1).put(1, 1).put(3, 8).put(9, 8);     // blue 3 or 9
        b.simple1(128).simple1(0);                                // alpha 128, distance
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 32; i++) {
            b.put(r.nextInt(2), 1).put(r.nextInt(2), 1);
        }
        checkAgainstDwebp(b.bytes(8, 4, true), "modes14-15");
    }

    @Test
    void paletteIndicesBeyondThePaletteAreTransparentBlackAndASingleLength7CodeReadsNoBits() throws IOException {
        Bits b = new Bits();
        b.put(1, 1).put(3, 2).put(2, 8);      // colour indexing, 3 colours: 4 indices of 2 bits per coded pixel
        b.put(0, 1);                          // palette sub-image: no cache
        b.put(1, 1).put(1, 1).put(1, 1).put(10, 8).put(250, 8);  // green 10 or 250
        b.simple1(20).simple1(30).simple1(255).simple1(0);
        b.put(0, 1).put(1, 1).put(1, 1);      // deltas: green 10, 250, 250
        b.put(0, 1);                          // no more transforms
        b.put(0, 1).put(0, 1);                // no cache, no meta codes
        // green, normal form: code-length code with lengths 1 for symbols 7 and 18 (11 entries written)
        b.put(0, 1).put(11 - 4, 4);
        int[] order = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7};
        for (int sym : order) {
            b.put(sym == 7 || sym == 18 ? 1 : 0, 3);
        }
        b.put(1, 1).put(0, 3).put(0, 2);      // max_symbol: 2 + 0 = 2 tokens
        b.put(1, 1).put(27 - 11, 7);          // 18: 27 zeros (symbol 18 has code 1)
        b.put(0, 1);                          // 7: symbol 27 = 0x1b gets length 7 (symbol 7 has code 0)
        b.simple1(0).simple1(0).simple1(0).simple1(0);
        // no pixel bits: every code has a single symbol
        byte[] stream = b.bytes(5, 3, true);
        int[] ours = checkAgainstDwebp(stream, "palette-overflow");
        // 0x1b = indices 3, 2, 1, 0 (lowest bits first); index 3 is beyond the 3 colours
        assertEquals(0, ours[0]);
    }

    @Test
    void aPlaneDistanceBelowOneOnAOnePixelWideImageCopiesTheLastPixel() throws IOException {
        Bits b = new Bits();
        b.put(0, 1);                          // no transforms
        b.put(0, 1).put(0, 1);                // no cache, no meta codes
        normalCode(b, 280, new int[] {77, 260});   // green: literal 77 or length prefix 4 (lengths 5-6)
        b.simple1(1).simple1(2).simple1(3);
        b.put(1, 1).put(0, 1).put(1, 1).put(3, 8);   // distance prefix 3 = distance code 4 = plane (dy 1, dx -1)
        b.put(0, 1);                          // pixel 0: literal 77
        b.put(1, 1).put(0, 1);                // copy of 5 at distance max(1*1 - 1, 1) = 1
        int[] ours = checkAgainstDwebp(b.bytes(1, 6, true), "plane-clamp");
        for (int p : ours) {
            assertEquals(0x03014d02, p);
        }
    }

    @Test
    void aCopyReachingBeforeTheFirstPixelIsRefused() {
        Bits b = new Bits();
        b.put(0, 1).put(0, 1).put(0, 1);
        normalCode(b, 280, new int[] {77, 260});
        b.simple1(1).simple1(2).simple1(3);
        b.put(1, 1).put(0, 1).put(1, 1).put(3, 8);
        b.put(1, 1).put(0, 1);                // a copy as the very first pixel
        byte[] stream = b.bytes(1, 6, true);
        LaminaException e = assertThrows(LaminaException.class, () -> WebpTools.decode(WebpLosslessFile.wrap(stream), "early.webp"));
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
    }

    /** A normal-form code giving the listed symbols length 1 (two symbols): code lengths coded with 4 bits each. */
    private static void normalCode(Bits b, int alphabet, int[] symbols) {
        b.put(0, 1).put(19 - 4, 4);
        int[] order = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        for (int sym : order) {
            b.put(sym < 16 ? 4 : 0, 3);   // 16 literal lengths of 4 bits: a complete code, symbol v has code v
        }
        b.put(0, 1);                       // no max_symbol
        for (int s = 0; s < alphabet; s++) {
            int len = s == symbols[0] || s == symbols[1] ? 1 : 0;
            b.put(Integer.reverse(len) >>> 28, 4);   // the 4-bit code, most significant bit first
        }
    }

    private static int[] checkAgainstDwebp(byte[] payload, String name) throws IOException {
        byte[] file = WebpLosslessFile.wrap(payload);
        int[] ours = WebpTools.decode(file, name);
        Vp8lHeader h = Vp8lHeader.read(payload, 0, payload.length, name);
        assertEquals(h.width() * h.height(), ours.length);
        if (WebpTools.available()) {
            Path webp = dir.resolve(name + ".webp");
            Files.write(webp, file);
            assertArrayEquals(WebpTools.dwebp(webp, dir.resolve(name + ".pam")), ours, name);
        } else {
            System.err.println("NOTE: " + WebpTools.MISSING);
        }
        Vp8lDecoder.rows(payload, 0, payload.length, name, Limits.defaults());
        return ours;
    }
}
