package dev.lamina.reference.draw;

import dev.lamina.model.Paint;
import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.draw.PaintFill;
import dev.lamina.draw.ShapeFill;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Colours and gradients, on a whole canvas and inside a shape, against the float64 reference. */
class PaintMatrixTest {
    private static final DrawTesting.Tally INTEGER = new DrawTesting.Tally();

    record Named(String name, Paint paint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Named> paints() {
        return List.of(
                new Named("solid opaque", Paint.solid(0x3366cc)),
                new Named("solid 40%", Paint.solid(0xff8000, 0.4)),
                new Named("linear black to white", Paint.linear(2, 0, 35, 0, Paint.stop(0, 0x000000), Paint.stop(1, 0xffffff))),
                new Named("linear diagonal, stops with alpha", Paint.linear(3, 4, 30, 22, Paint.stop(0.1, 0xff0000),
                        Paint.stop(0.4, 0x00ff00, 0.2), Paint.stop(0.4, 0x0000ff, 0.9), Paint.stop(0.8, 0xffffff, 0))),
                new Named("linear repeat", Paint.linear(10, 10, 16, 13, Paint.stop(0, 0x102030), Paint.stop(1, 0xf0e0d0))
                        .spread(Paint.Spread.REPEAT)),
                new Named("linear reflect", Paint.linear(10, 10, 16, 13, Paint.stop(0.2, 0x102030, 0.5), Paint.stop(0.7, 0xf0e0d0))
                        .spread(Paint.Spread.REFLECT)),
                new Named("linear of no length", Paint.linear(5, 5, 5, 5, Paint.stop(0, 0xff0000), Paint.stop(1, 0x00ff00, 0.5))),
                new Named("radial pad", Paint.radial(17.3, 11.8, 14, Paint.stop(0, 0xffffff), Paint.stop(1, 0x0066cc))),
                new Named("radial repeat with alpha", Paint.radial(17, 12, 5.5, Paint.stop(0, 0xffffff, 0),
                        Paint.stop(0.5, 0x0066cc), Paint.stop(1, 0xffffff, 0)).spread(Paint.Spread.REPEAT)),
                new Named("radial reflect", Paint.radial(0, 0, 9, Paint.stop(0, 0xff0000), Paint.stop(1, 0x00ff00))
                        .spread(Paint.Spread.REFLECT)),
                new Named("one stop", Paint.radial(10, 10, 5, Paint.stop(0.5, 0x808080, 0.7))));
    }

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Named p : paints()) {
            for (BandFormat f : BandFormat.values()) {
                all.add(Arguments.of(p, f));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void canvasMatchesReference(Named p, BandFormat format) {
        int w = 37, h = 26;
        Image img = PaintFill.image(p.paint, w, h, format);
        Region expected = PaintReference.fill(p.paint, w, h, format, img.hasAlpha);
        compare(expected, img, p.name + " " + format);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void shapeMatchesReference(Named p, BandFormat format) {
        int w = 37, h = 26;
        Shape s = Shape.parse("M2 13 C8 -4 30 -4 35 13 S20 30 2 13 Z M12 8 h12 v10 h-12 z").evenOdd();
        Image img = ShapeFill.image(s, p.paint, w, h, format, "shape");
        Region expected = PaintReference.shape(s, p.paint, DrawTesting.reference(s, w, h), w, h, format);
        compare(expected, img, p.name + " in a shape " + format);
    }

    static void compare(Region expected, Image actual, String what) {
        assertEquals(expected.bands, actual.bands, what + ": bands");
        Region whole = actual.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(actual.bounds());
        Region piece = actual.fetch(new Rect(5, 3, 17, 9));
        for (Region got : List.of(whole, piece)) {
            DrawTesting.Tally t = new DrawTesting.Tally();
            Rect r = got.rect();
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = r.x(); x < r.right(); x++) {
                    for (int b = 0; b < got.bands; b++) {
                        double e = expected.raw(x, y, b), a = got.raw(x, y, b), d = Math.abs(e - a);
                        if (d > (got.format == BandFormat.F32 ? 1e-6 : 1)) {
                            fail(what + ": (" + x + "," + y + ") band " + b + " is " + a + ", expected " + e);
                        }
                        t.samples++;
                        t.exact += d == 0 ? 1 : 0;
                        t.maxError = Math.max(t.maxError, d);
                    }
                }
            }
            if (got.format != BandFormat.F32 && got == whole) {
                INTEGER.add(t);
            }
        }
    }

    @AfterAll
    static void almostEverySampleIsExact() {
        System.out.println("paints U8 and U16 against the reference: " + INTEGER);
        assertTrue(INTEGER.exactFraction() >= 0.999, INTEGER.toString());
    }

    /** CSS's example: red to transparent blue stays red all the way (premultiplied), instead of going purple. */
    @Test
    void interpolationIsPremultiplied() {
        Image img = PaintFill.image(Paint.linear(0, 0, 10, 0, Paint.stop(0, 0xff0000), Paint.stop(1, 0x0000ff, 0)), 10, 1,
                BandFormat.U8);
        Region r = img.fetch(img.bounds());
        for (int x = 0; x < 9; x++) {
            assertEquals(255, r.raw(x, 0, 0), "red at " + x);
            assertEquals(0, r.raw(x, 0, 2), "no blue at " + x);
            assertEquals(Math.round(255 * (1 - (x + 0.5) / 10) + 1e-9), r.raw(x, 0, 3), 1e-9, "alpha at " + x);
        }
    }

    /** A hard stop: two stops at one offset, the later one wins from that offset on. */
    @Test
    void equalOffsetsMakeAHardEdge() {
        Image img = PaintFill.image(Paint.linear(0, 0, 8, 0, Paint.stop(0.5, 0x000000), Paint.stop(0.5, 0xffffff)), 8, 1,
                BandFormat.U8);
        Region r = img.fetch(img.bounds());
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 255.0, 255.0, 255.0, 255.0),
                List.of(r.raw(0, 0, 0), r.raw(1, 0, 0), r.raw(2, 0, 0), r.raw(3, 0, 0),
                        r.raw(4, 0, 0), r.raw(5, 0, 0), r.raw(6, 0, 0), r.raw(7, 0, 0)));
    }
}
