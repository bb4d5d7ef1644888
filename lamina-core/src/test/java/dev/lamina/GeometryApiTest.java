package dev.lamina;

import dev.lamina.model.AffineOptions;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.TrimOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geometry operations through the public API: what they return, and every refusal as a
 * {@link LaminaException} of the right kind whose message names the operation. (Exactness against
 * the float64 reference is tested in lamina-reference.)
 */
class GeometryApiTest {

    /** 4x3 RGB, pixel (x, y) = (10x, 10y, 7). */
    private static LaminaImage picture() {
        byte[] s = new byte[4 * 3 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int i = (y * 4 + x) * 3;
                s[i] = (byte) (10 * x);
                s[i + 1] = (byte) (10 * y);
                s[i + 2] = 7;
            }
        }
        return Lamina.fromPixels(s, 4, 3, 3);
    }

    private static LaminaException.Kind kindOf(Runnable r) {
        LaminaException e = assertThrows(LaminaException.class, r::run);
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
        return e.kind();
    }

    @Test
    void extractAndExtend() {
        LaminaImage p = picture();
        byte[] px = p.extract(1, 2, 2, 1).pixels8();
        assertArrayEquals(new byte[]{10, 20, 7, 20, 20, 7}, px);
        LaminaImage e = p.extend(1, 2, 3, 4, 0xFF0000FF);
        assertEquals(10, e.width());
        assertEquals(7, e.height());
        assertEquals(3, e.bands(), "an opaque colour keeps an RGB image RGB");
        assertArrayEquals(new byte[]{0, 0, (byte) 255}, java.util.Arrays.copyOf(e.pixels8(), 3));
        assertEquals(4, p.extend(1, 1, 1, 1, 0x00000000).bands(), "a transparent colour adds alpha");
        assertEquals(3, p.extend(1, 1, 1, 1).bands(), "zeros stay in the image's layout");
        LaminaImage m = p.extend(0, 0, 0, 2, ExtendWith.MIRROR);
        assertArrayEquals(new byte[]{10, 0, 7, 0, 0, 7, 0, 0, 7}, java.util.Arrays.copyOf(m.pixels8(), 9));
    }

    @Test
    void flipsAndRotations() {
        LaminaImage p = picture();
        assertArrayEquals(new byte[]{0, 20, 7}, java.util.Arrays.copyOf(p.flip().pixels8(), 3));
        assertArrayEquals(new byte[]{30, 0, 7}, java.util.Arrays.copyOf(p.flop().pixels8(), 3));
        LaminaImage r = p.rotate(90);
        assertEquals(3, r.width());
        assertEquals(4, r.height());
        assertArrayEquals(new byte[]{0, 20, 7}, java.util.Arrays.copyOf(r.pixels8(), 3), "90 clockwise: bottom-left to top-left");
        assertArrayEquals(p.rotate(-270).pixels8(), r.pixels8());
        LaminaImage thirty = p.rotate(30, AffineOptions.defaults().kernel(Kernel.CUBIC).background(0x00000000));
        assertEquals(4, thirty.bands(), "a transparent background on RGB adds alpha");
        assertEquals((int) Math.ceil(4 * Math.cos(Math.PI / 6) + 3 * 0.5), thirty.width());
        LaminaImage area = p.affine(1, 0, 0, 1, 0.5, 0, AffineOptions.defaults().area(0, 0, 5, 3));
        assertEquals(5, area.width());
    }

    @Test
    void trimFindsTheContent() {
        LaminaImage framed = picture().extend(3, 4, 5, 6, 0xFFFFFFFF);
        LaminaImage trimmed = framed.trim(TrimOptions.defaults().lineArt(true));
        assertEquals(4, trimmed.width());
        assertEquals(3, trimmed.height());
        assertArrayEquals(picture().pixels8(), trimmed.pixels8());
    }

    @Test
    void refusalsHaveKinds() {
        LaminaImage p = picture();
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.extract(3, 0, 2, 1)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.extract(Integer.MAX_VALUE, 0, 2, 1)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.extend(-1, 0, 0, 0)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, kindOf(() -> p.extend(0, Integer.MAX_VALUE, 0, 0)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, kindOf(() -> p.extend(100_000, 0, 0, 100_000)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.rotate(Double.NaN)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.affine(1, 2, 2, 4)), "singular");
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> p.affine(Double.POSITIVE_INFINITY, 0, 0, 1)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, kindOf(() -> p.affine(1e6, 0, 0, 1e6)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, kindOf(() -> p.affine(1e12, 0, 0, 1e12)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> AffineOptions.defaults().area(0, 0, 0, 4)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> AffineOptions.defaults().area(Integer.MAX_VALUE, 0, 4, 4)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> AffineOptions.defaults().kernel(null)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> TrimOptions.defaults().threshold(-1)));
        assertEquals(LaminaException.Kind.BAD_INPUT, kindOf(() -> TrimOptions.defaults().threshold(Double.NaN)));
    }
}
