package dev.lamina.reference.draw;

import dev.lamina.model.FillRule;
import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows crossed by many small shapes at once, as a line of text crosses glyphs: the rasteriser
 * analyses independent x ranges of a row on their own (docs/architecture.md, Drawing), so these
 * hold it to the float64 reference where that matters: hundreds of disjoint shapes, shapes whose
 * ranges overlap or only touch, both directions of rings side by side, and horizontal edges inside
 * a row that join ranges (a bar under or around the glyphs, a glyph's own bars), both fill rules.
 */
class RasteriserRowOfShapesTest {
    private static final DrawTesting.Tally ALL = new DrawTesting.Tally();

    @AfterContainer
    static void almostEverySampleIsExact() {
        System.out.println("rows of many shapes, U8 and U16 against the reference: " + ALL);
        assertTrue(ALL.exactFraction() >= 0.999, ALL.toString());
    }

    record Case(String name, Shape shape, int width, int height) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An ellipse as two SVG arcs, clockwise on screen or not. */
    static void ellipse(StringBuilder svg, double cx, double cy, double rx, double ry, boolean clockwise) {
        int sweep = clockwise ? 1 : 0;
        svg.append(String.format(java.util.Locale.ROOT, "M%.6f %.6f a%.6f %.6f 0 1 %d %.6f 0 a%.6f %.6f 0 1 %d %.6f 0 Z ",
                cx - rx, cy, rx, ry, sweep, 2 * rx, rx, ry, sweep, -2 * rx));
    }

    /** A closed polygon, its points given as offsets from (x, y), in the order given or reversed. */
    static void ring(Shape.Builder b, double x, double y, boolean reversed, double... xy) {
        int n = xy.length / 2;
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            if (k == 0) {
                b.moveTo(x + xy[2 * i], y + xy[2 * i + 1]);
            } else {
                b.lineTo(x + xy[2 * i], y + xy[2 * i + 1]);
            }
        }
        b.close();
    }

    /**
     * Glyph-like polygons about 4 px wide and 7 high along a line, slanted as italics (so that
     * neighbours' ranges sometimes overlap): a 'T' and an 'H' whose bars are horizontal edges
     * inside a row, an 'o' (two rings, the inner one reversed), an 'x' of two crossing bars (winding
     * 2 where they overlap), a 'v'; every other glyph drawn the other way round.
     */
    static Shape.Builder glyphs(Shape.Builder b, int count, double slant) {
        for (int g = 0; g < count; g++) {
            double x = 2.3 + g * 4.93, y = 1.6 + 0.37 * Math.sin(g * 0.7);
            boolean rev = g % 2 == 1;
            double[] shape = switch (g % 5) {
                case 0 -> new double[]{0, 0.3, 3.6, 0.3, 3.6, 1.15, 2.2, 1.15, 2.2, 7.05, 1.4, 7.05, 1.4, 1.15, 0, 1.15};
                case 1 -> new double[]{0, 0, 0.8, 0, 0.8, 3.1, 2.9, 3.1, 2.9, 0, 3.7, 0, 3.7, 7, 2.9, 7, 2.9, 3.9, 0.8, 3.9, 0.8, 7, 0, 7};
                case 2 -> null;
                case 3 -> new double[]{0, 2, 0.9, 2, 3.7, 7, 2.8, 7};
                default -> new double[]{0, 2, 0.8, 2, 1.85, 6.1, 2.9, 2, 3.7, 2, 2.25, 7, 1.45, 7};
            };
            if (shape == null) {   // 'o': an octagon with an octagonal hole
                double[] outer = octagon(1.85, 4.5, 1.85, 2.5), inner = octagon(1.85, 4.5, 1.05, 1.7);
                ring(b, x, y, rev, slant(outer, slant));
                ring(b, x, y, !rev, slant(inner, slant));
            } else {
                ring(b, x, y, rev, slant(shape, slant));
                if (g % 5 == 3) {   // the other bar of the 'x'
                    ring(b, x, y, rev, slant(new double[]{2.8, 2, 3.7, 2, 0.9, 7, 0, 7}, slant));
                }
            }
        }
        return b;
    }

    static double[] octagon(double cx, double cy, double rx, double ry) {
        double[] xy = new double[16];
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 8 + i * Math.PI / 4;
            xy[2 * i] = cx + rx * Math.cos(a);
            xy[2 * i + 1] = cy + ry * Math.sin(a);
        }
        return xy;
    }

    /** x moved right by {@code slant} per pixel above y = 7 (the baseline). */
    static double[] slant(double[] xy, double slant) {
        double[] out = xy.clone();
        for (int i = 0; i < out.length; i += 2) {
            out[i] += slant * (7 - out[i + 1]);
        }
        return out;
    }

    static List<Case> rows() {
        List<Case> c = new ArrayList<>();
        StringBuilder apart = new StringBuilder(), overlapping = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ellipse(apart, 2.6 + 4.9 * i + 0.13 * Math.sin(i), 5.37 + 0.4 * Math.sin(i * 0.9), 1.7, 2.3 + 0.2 * Math.cos(i), i % 3 != 0);
            ellipse(overlapping, 3.1 + 2.2 * i, 5.1 + 0.6 * Math.cos(i * 1.3), 2.6, 2.35, i % 4 != 1);
        }
        c.add(new Case("200 ellipses apart, some reversed", Shape.parse(apart.toString()), 985, 11));
        c.add(new Case("200 overlapping ellipses, some reversed", Shape.parse(overlapping.toString()), 448, 11));
        c.add(new Case("200 glyph-like polygons", glyphs(Shape.builder(), 200, 0).build(), 990, 10));
        c.add(new Case("200 italic glyph-like polygons", glyphs(Shape.builder(), 200, 0.35).build(), 993, 10));
        Shape.Builder under = glyphs(Shape.builder(), 120, 0.2);
        ring(under, 1.2, 6.35, false, 0, 0, 590, 0, 590, 1.3, 0, 1.3);   // an underline through the glyphs
        ring(under, 150.5, 0.45, true, 0, 0, 200, 0, 200, 5.5, 0, 5.5);   // a box around some, reversed
        ring(under, 400.25, 3.5, false, 0, 0, 100, 0, 100, 5, 0, 5);      // and one over others, the same way
        c.add(new Case("glyphs crossed by bars with horizontal edges inside rows", under.build(), 600, 10));
        Shape.Builder tiles = Shape.builder();
        for (int i = 0; i < 150; i++) {   // squares that touch their neighbours' ranges, and triangles sharing points
            ring(tiles, 1 + 2 * i, 1.5 + (i % 3) * 0.25, i % 2 == 0, 0, 0, 2, 0, 2, 2, 0, 2);
            ring(tiles, 1 + 2 * i, 5, i % 3 == 0, 0, 0, 2, 3, 0, 3.5);
        }
        c.add(new Case("touching squares and triangles", tiles.build(), 305, 10));
        return c;
    }

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : rows()) {
            for (FillRule rule : FillRule.values()) {
                all.add(Arguments.of(c, rule));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void matchesReference(Case c, FillRule rule) {
        Shape s = c.shape.fillRule(rule);
        double[][] expected = DrawTesting.reference(s, c.width, c.height);
        for (BandFormat f : BandFormat.values()) {
            DrawTesting.Tally t = DrawTesting.assertCoverage(s, c.width, c.height, f, expected, c.name + " " + rule + " " + f);
            if (f != BandFormat.F32) {
                ALL.add(t);
            }
        }
    }

    /**
     * Rows of 20 to 120 small random polygons (3 to 7 points, self-intersecting as they come) at
     * random places along a line, so that some stand apart and some overlap, and sometimes a
     * rectangle whose top and bottom lie inside rows across many of them.
     */
    @Property(tries = 40)
    void randomRowsMatchTheReference(@ForAll @IntRange(min = 20, max = 120) int count,
                                     @ForAll FillRule rule, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int w = 2 * count + 10, h = 9;
        Shape.Builder b = Shape.builder();
        for (int i = 0; i < count; i++) {
            double x = rnd.nextDouble(-2, w), y = rnd.nextDouble(-1, h - 1), size = rnd.nextDouble(0.3, 5);
            int n = 3 + rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                double px = x + rnd.nextDouble(size), py = y + rnd.nextDouble(size);
                if (rnd.nextInt(4) == 0) {
                    py = Math.round(py * 4) / 4.0;   // some on quarter rows: shared heights, horizontal edges
                }
                if (k == 0) {
                    b.moveTo(px, py);
                } else {
                    b.lineTo(px, py);
                }
            }
            b.close();
        }
        for (int r = rnd.nextInt(3); r > 0; r--) {
            double x = rnd.nextDouble(w), y = rnd.nextDouble(h);
            ring(b, x, y, rnd.nextBoolean(), 0, 0, rnd.nextDouble(w - x), 0, rnd.nextDouble(w - x), rnd.nextDouble(0.1, 3), 0, rnd.nextDouble(0.1, 3));
        }
        Shape s = b.build().fillRule(rule);
        double[][] expected = DrawTesting.reference(s, w, h);
        for (BandFormat f : new BandFormat[]{BandFormat.U8, BandFormat.U16}) {
            ALL.add(DrawTesting.assertCoverage(s, w, h, f, expected, "row of " + count + " polygons " + seed + " " + rule + " " + f));
        }
    }
}
