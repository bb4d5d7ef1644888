package dev.lamina.reference.draw;

import dev.lamina.model.FillRule;
import dev.lamina.model.Shape;
import dev.lamina.model.Stroke;
import dev.lamina.core.BandFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random polygons and strokes, both fill rules: the rasteriser within 1 of the reference. */
class RasteriserPropertiesTest {
    private static final DrawTesting.Tally ALL = new DrawTesting.Tally();

    @AfterContainer
    static void almostEverySampleIsExact() {
        System.out.println("rasteriser properties, U8 and U16 against the reference: " + ALL);
        assertTrue(ALL.exactFraction() >= 0.999, ALL.toString());
    }

    /** 1 to 3 rings of 3 to 12 points, spilling a little over the canvas: self-intersecting as they come. */
    static Shape randomPolygons(SplittableRandom rnd, int w, int h) {
        Shape.Builder b = Shape.builder();
        int rings = 1 + rnd.nextInt(3);
        for (int r = 0; r < rings; r++) {
            int n = 3 + rnd.nextInt(10);
            for (int i = 0; i < n; i++) {
                double x = rnd.nextDouble(-3, w + 3), y = rnd.nextDouble(-3, h + 3);
                if (rnd.nextInt(8) == 0) {
                    x = Math.round(x);   // some on pixel boundaries, where ties live
                    y = Math.round(y);
                }
                if (i == 0) {
                    b.moveTo(x, y);
                } else {
                    b.lineTo(x, y);
                }
            }
            b.close();
        }
        return b.build();
    }

    @Property(tries = 300)
    void randomPolygonsMatchTheReference(@ForAll @IntRange(min = 1, max = 24) int w,
                                         @ForAll @IntRange(min = 1, max = 24) int h,
                                         @ForAll FillRule rule, @ForAll long seed) {
        Shape s = randomPolygons(new SplittableRandom(seed), w, h).fillRule(rule);
        double[][] expected = DrawTesting.reference(s, w, h);
        for (BandFormat f : new BandFormat[]{BandFormat.U8, BandFormat.U16}) {
            ALL.add(DrawTesting.assertCoverage(s, w, h, f, expected, "polygons " + seed + " " + rule + " " + f));
        }
    }

    @Property(tries = 150)
    void randomStrokesMatchTheReference(@ForAll @IntRange(min = 4, max = 24) int w,
                                        @ForAll @IntRange(min = 4, max = 24) int h,
                                        @ForAll @DoubleRange(min = 0.1, max = 4) double width,
                                        @ForAll Stroke.Join join, @ForAll Stroke.Cap cap, @ForAll boolean dashed,
                                        @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Shape.Builder b = Shape.builder().moveTo(rnd.nextDouble(w), rnd.nextDouble(h));
        for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
            if (rnd.nextBoolean()) {
                b.lineTo(rnd.nextDouble(w), rnd.nextDouble(h));
            } else {
                b.cubicTo(rnd.nextDouble(w), rnd.nextDouble(h), rnd.nextDouble(w), rnd.nextDouble(h),
                        rnd.nextDouble(w), rnd.nextDouble(h));
            }
        }
        if (rnd.nextBoolean()) {
            b.close();
        }
        Stroke stroke = Stroke.width(width).join(join).cap(cap);
        if (dashed) {
            stroke = stroke.dashes(rnd.nextDouble(10), 0.5 + rnd.nextDouble(4), rnd.nextDouble(3));
        }
        Shape s = b.build().stroked(stroke);
        double[][] expected = DrawTesting.reference(s, w, h);
        ALL.add(DrawTesting.assertCoverage(s, w, h, BandFormat.U8, expected, "stroke " + seed + " " + stroke));
    }

    /** Coverage does not depend on how the image is cut: any rectangle equals the same pixels of the whole. */
    @Property(tries = 100)
    void rectanglesAgreeWithTheWhole(@ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 40) int h,
                                     @ForAll @IntRange(min = 0, max = 1000) int rx, @ForAll @IntRange(min = 0, max = 1000) int ry,
                                     @ForAll FillRule rule, @ForAll long seed) {
        Shape s = randomPolygons(new SplittableRandom(seed), w, h).fillRule(rule);
        var img = dev.lamina.draw.ShapeCoverage.image(s, w, h, BandFormat.F32, "test");
        var whole = img.fetch(img.bounds());
        int x = rx % w, y = ry % h;
        var r = new dev.lamina.core.Rect(x, y, 1 + (rx / 7) % (w - x), 1 + (ry / 7) % (h - y));
        var part = img.fetch(r);
        for (int py = r.y(); py < r.bottom(); py++) {
            for (int px = r.x(); px < r.right(); px++) {
                assertEquals(whole.raw(px, py, 0), part.raw(px, py, 0), 1e-7, r + " at " + px + "," + py);
            }
        }
    }
}
