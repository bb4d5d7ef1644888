package dev.lamina;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Paint;
import dev.lamina.model.Shadow;
import dev.lamina.model.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawing and convolution API as a user meets it: layouts, bit depths, values, refusals. */
class DrawingApiTest {

    @Test
    void aShapeIsRgbaWithCoverageInAlpha() {
        LaminaImage img = Lamina.shape(10, 4, Shape.rect(2, 0, 5.5, 4), Paint.solid(0x336699, 0.5));
        assertEquals(4, img.bands());
        assertEquals("u8", img.sampleFormat());
        byte[] px = img.pixels8();
        // pixel 3 fully inside: the colour, alpha 0.5; pixel 7 half covered: alpha 0.25; pixel 8 outside
        assertEquals(0x33, px[4 * 3] & 0xFF);
        assertEquals(0x66, px[4 * 3 + 1] & 0xFF);
        assertEquals(0x99, px[4 * 3 + 2] & 0xFF);
        assertEquals(128, px[4 * 3 + 3] & 0xFF);   // 127.5 rounds up
        assertEquals(64, px[4 * 7 + 3] & 0xFF);    // 63.75
        assertEquals(0, px[4 * 8 + 3] & 0xFF);
        assertEquals("u16", Lamina.shape(10, 4, Shape.rect(0, 0, 1, 1), Paint.solid(0), 16).sampleFormat());
    }

    @Test
    void aFillIsRgbWhenOpaqueAndRgbaOtherwise() {
        assertEquals(3, Lamina.fill(8, 8, Paint.linear(0, 0, 8, 0, Paint.stop(0, 0), Paint.stop(1, 0xffffff))).bands());
        assertEquals(4, Lamina.fill(8, 8, Paint.radial(4, 4, 4, Paint.stop(0, 0), Paint.stop(1, 0, 0))).bands());
        byte[] g = Lamina.fill(4, 1, Paint.linear(0, 0, 4, 0, Paint.stop(0, 0x000000), Paint.stop(1, 0xffffff))).pixels8();
        // offsets 0.125, 0.375, 0.625, 0.875 of 255
        assertEquals(32, g[0] & 0xFF);
        assertEquals(96, g[3] & 0xFF);
        assertEquals(159, g[6] & 0xFF);
        assertEquals(223, g[9] & 0xFF);
    }

    @Test
    void aMaskIsGrey() {
        LaminaImage m = Lamina.mask(4, 4, Shape.rect(1, 1, 2, 2), 8);
        assertEquals(1, m.bands());
        assertEquals(255, m.pixels8()[5] & 0xFF);
        assertEquals(0, m.pixels8()[0] & 0xFF);
    }

    @Test
    void blurSharpenAndEffectsKeepOrMakeTheirLayouts() {
        LaminaImage photo = Lamina.canvas(30, 20, 0x808080);
        assertEquals(3, photo.blur(2).bands());
        assertEquals(128, photo.blur(2).pixels8()[0] & 0xFF, "a flat image stays flat");
        assertEquals(128, photo.sharpen(1, 2, 0).pixels8()[100] & 0xFF);
        LaminaImage logo = Lamina.shape(30, 20, Shape.circle(15, 10, 5), Paint.solid(0xffffff));
        LaminaImage shadow = logo.shadow(Shadow.of(3, 2, 0).colour(0x0000ff).opacity(0.5));
        assertEquals(4, shadow.bands());
        byte[] s = shadow.pixels8();
        int centre = 4 * (12 * 30 + 18);   // (18, 12): the circle's centre moved by (3, 2)
        assertEquals(255, s[centre + 2] & 0xFF);
        assertEquals(128, s[centre + 3] & 0xFF);
        assertTrue((logo.outline(2, 0xff0000, 1).pixels8()[4 * (10 * 30 + 20) + 3] & 0xFF) == 255,
                "1 pixel beyond the circle, inside the outline");
    }

    @Test
    void badRequestsAreRefusedWithTheRightKind() {
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Lamina.shape(0, 10, Shape.rect(0, 0, 1, 1), Paint.solid(0))).kind());
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, assertThrows(LaminaException.class,
                () -> Lamina.shape(100_000, 100_000, Shape.rect(0, 0, 1, 1), Paint.solid(0))).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Lamina.fill(10, 10, Paint.solid(0), 12)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Lamina.canvas(5, 5, 0).blur(-1)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Paint.linear(0, 0, 1, 1)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Shadow.of(1, 1, 2).opacity(2)).kind());
    }
}
