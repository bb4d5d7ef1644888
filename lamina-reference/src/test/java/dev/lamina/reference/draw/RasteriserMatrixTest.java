package dev.lamina.reference.draw;

import dev.lamina.model.FillRule;
import dev.lamina.model.Shape;
import dev.lamina.model.Stroke;
import dev.lamina.core.BandFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rasteriser against its float64 reference: curves, thin lines, self-intersecting paths,
 * nested and overlapping subpaths, both fill rules, every format, shapes that leave the canvas on
 * every side and shapes that straddle strip borders.
 */
class RasteriserMatrixTest {
    private static final DrawTesting.Tally U8 = new DrawTesting.Tally();
    private static final DrawTesting.Tally U16 = new DrawTesting.Tally();

    record Case(String name, Shape shape, int width, int height) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> shapes() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("rect at fractions", Shape.rect(2.3, 3.7, 20.2, 11.45), 32, 24));
        c.add(new Case("rect rotated 30", Shape.rect(5, 5, 20, 12).rotate(30, 15, 11), 32, 28));
        c.add(new Case("rounded rect, corners 12 3 0 7", Shape.roundedRect(1.5, 2.25, 40, 25, 12, 3, 0, 7), 44, 30));
        c.add(new Case("circle", Shape.circle(20.3, 17.7, 13.2), 40, 36));
        c.add(new Case("ellipse rotated 20", Shape.ellipse(20, 15, 17, 6.5).rotate(20, 20, 15), 40, 30));
        c.add(new Case("pentagram", star(20, 20, 18, 5, 2), 40, 40));
        c.add(new Case("two squares, same way round", Shape.parse("M2 2 H30 V30 H2 Z M8 8 H24 V24 H8 Z"), 32, 32));
        c.add(new Case("square with a hole", Shape.parse("M2 2 H30 V30 H2 Z M8 8 V24 H24 V8 Z"), 32, 32));
        c.add(new Case("svg curves, relative forms", Shape.parse(
                "M3 20 C8 2 18 2 22 12 S30 30 37 14 q3-8 0-12 t-6 6 a6 4 30 1 0 -10 2 l-4 6 z"), 40, 32));
        c.add(new Case("bowtie crossing inside a pixel", Shape.polygon(1.2, 1.1, 9.7, 8.9, 9.6, 1.3, 1.1, 9.2), 11, 11));
        c.add(new Case("overlapping circles", Shape.parse("M4 14 a10 10 0 1 0 20 0 a10 10 0 1 0 -20 0 Z"
                + " M12 14 a10 10 0 1 0 20 0 a10 10 0 1 0 -20 0 Z"), 36, 28));
        c.add(new Case("star inside one pixel", star(3.5, 3.5, 0.9, 7, 3), 7, 7));
        c.add(new Case("off the canvas on every side", Shape.polygon(-50, -30, 100, 10, 20, 200, -8, 14), 40, 30));
        c.add(new Case("circle over left and right edges", Shape.circle(15, 10, 19), 30, 20));
        c.add(new Case("far away", Shape.rect(1e6, 1e6, 10, 10), 10, 10));
        c.add(new Case("hairline 0.1", Shape.polyline(1, 1, 30, 7, 4, 15, 29, 22).stroked(Stroke.width(0.1)), 32, 24));
        c.add(new Case("thin 0.5, round", Shape.polyline(1, 1, 30, 7, 4, 15, 29, 22).stroked(
                Stroke.width(0.5).join(Stroke.Join.ROUND).cap(Stroke.Cap.ROUND)), 32, 24));
        c.add(new Case("1 px, miter, square caps", Shape.polyline(2, 2, 30, 7, 4, 15, 29, 22).stroked(
                Stroke.width(1).cap(Stroke.Cap.SQUARE).miterLimit(10)), 32, 24));
        c.add(new Case("thick bevel zigzag", Shape.polyline(3, 20, 8, 3, 13, 20, 18, 3, 23, 20).stroked(
                Stroke.width(4.5).join(Stroke.Join.BEVEL)), 27, 24));
        c.add(new Case("dashed curve, round caps", Shape.parse("M3 18 C10 0 20 36 37 6").stroked(
                Stroke.width(2.2).cap(Stroke.Cap.ROUND).dashes(1.5, 5, 3, 0.5, 2)), 40, 24));
        c.add(new Case("stroked circle, skewed", Shape.circle(0, 0, 9).stroked(Stroke.width(3))
                .transform(1.2, 0.3, -0.4, 0.8, 16, 13), 32, 26));
        c.add(new Case("many strips: a long diagonal", Shape.polygon(0.5, 0, 12.5, 0, 4, 700, 0, 650), 13, 700));
        c.add(new Case("a line without area", Shape.polyline(1, 1, 9, 9), 10, 10));
        // so tall for its three edges that the edge table sorts them by comparison, not by counting
        c.add(new Case("a sliver on a canvas 70000 tall", Shape.polygon(0.3, 10.5, 1.9, 69990.2, 0.1, 35000.7), 2, 70000));
        return c;
    }

    /** A star polygon: {@code points} spikes, joining every {@code step}-th of them. */
    static Shape star(double cx, double cy, double r, int points, int step) {
        double[] xy = new double[2 * points];
        for (int i = 0; i < points; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * ((long) i * step % points) / points;
            xy[2 * i] = cx + r * Math.cos(a);
            xy[2 * i + 1] = cy + r * Math.sin(a);
        }
        return Shape.polygon(xy);
    }

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : shapes()) {
            for (FillRule rule : FillRule.values()) {
                if (rule == FillRule.EVEN_ODD && c.shape.stroke() != null) {
                    continue;
                }
                for (BandFormat f : BandFormat.values()) {
                    all.add(Arguments.of(c, rule, f));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void matchesReference(Case c, FillRule rule, BandFormat format) {
        Shape s = c.shape.stroke() == null ? c.shape.fillRule(rule) : c.shape;
        double[][] expected = DrawTesting.reference(s, c.width, c.height);
        DrawTesting.Tally t = DrawTesting.assertCoverage(s, c.width, c.height, format, expected, c.name + " " + rule);
        switch (format) {
            case U8 -> U8.add(t);
            case U16 -> U16.add(t);
            case F32 -> { }
        }
    }

    @AfterAll
    static void almostEverySampleIsExact() {
        System.out.println("rasteriser U8 against the reference: " + U8);
        System.out.println("rasteriser U16 against the reference: " + U16);
        assertTrue(U8.exactFraction() >= 0.999, "U8: " + U8);
        assertTrue(U16.exactFraction() >= 0.999, "U16: " + U16);
    }
}
