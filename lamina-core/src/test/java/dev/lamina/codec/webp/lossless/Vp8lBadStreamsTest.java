package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Truncated, damaged and over-limit streams are refused with a LaminaException naming the input. */
class Vp8lBadStreamsTest {

    private static byte[] sample(int effort) {
        TestImages.Argb image = TestImages.gradient(40, 30, 7);
        return Vp8lEncoder.encode(image.pixels(), image.width(), image.height(), new Vp8lEncodeOptions(effort, true));
    }

    @Test
    void everyTruncationIsRefusedAsBadInput() {
        for (int effort : new int[] {0, 6}) {
            byte[] full = sample(effort);
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = java.util.Arrays.copyOf(full, cut);
                LaminaException e = assertThrows(LaminaException.class, () -> decodeAll(part), "cut at " + cut);
                assertEquals(LaminaException.Kind.BAD_INPUT, e.kind(), e.getMessage());
                assertTrue(e.getMessage().startsWith("clip.webp: "), e.getMessage());
                assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            }
        }
    }

    @Test
    void damagedBytesDecodeOrAreRefusedCleanly() {
        SplittableRandom r = new SplittableRandom(42);
        byte[] full = sample(9);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] d = full.clone();
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                int at = Vp8lHeader.BYTES + r.nextInt(d.length - Vp8lHeader.BYTES);
                d[at] ^= (byte) (1 << r.nextInt(8));
            }
            Vp8lDecoderFuzzer.fuzzerTestOneInput(d);   // decodes, or a clear LaminaException naming the input
        }
    }

    @Test
    void aWrongSignatureOrVersionIsRefused() {
        byte[] d = sample(0);
        d[0] = 0x2e;
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> decodeAll(d)).kind());
        byte[] v = sample(0);
        v[4] |= (byte) 0x20;
        LaminaException e = assertThrows(LaminaException.class, () -> decodeAll(v));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void thePixelLimitIsCheckedFromTheHeaderBeforeDecoding() {
        byte[] d = new Vp8lHeader(16384, 16384, true).toBytes();
        LaminaException e = assertThrows(LaminaException.class,
                () -> Vp8lDecoder.rows(d, 0, d.length, "huge.webp", Limits.defaults().maxPixels(1_000_000)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
    }

    @Test
    void notAWebpFileIsRefusedByTheContainerReader() {
        LaminaException e = assertThrows(LaminaException.class, () -> WebpLosslessFile.findVp8l(new byte[30], "x.webp"));
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
    }

    private static void decodeAll(byte[] payload) {
        ArgbRowReader rows = Vp8lDecoder.rows(payload, 0, payload.length, "clip.webp", Limits.defaults());
        for (int y = 0; y < rows.height(); y++) {
            rows.nextRow();
        }
    }
}
