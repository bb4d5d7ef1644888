package dev.lamina.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes as made: arcs close to the true ellipse, corner radii as CSS fits them, transforms as SVG's. */
class ShapeTest {

    /** Every cubic's points at 64 parameters, with the start point before them. */
    static List<double[]> curvePoints(Shape s) {
        List<double[]> pts = new ArrayList<>();
        double[] cur = new double[2];
        s.segments(new Shape.Segments() {
            @Override
            public void moveTo(double x, double y) {
                cur[0] = x;
                cur[1] = y;
            }

            @Override
            public void lineTo(double x, double y) {
                cur[0] = x;
                cur[1] = y;
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                throw new AssertionError("no quadratics here");
            }

            @Override
            public void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
                for (int i = 0; i <= 64; i++) {
                    double t = i / 64.0, u = 1 - t;
                    pts.add(new double[]{u * u * u * cur[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
                            u * u * u * cur[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y});
                }
                cur[0] = x;
                cur[1] = y;
            }

            @Override
            public void close() {
            }
        });
        return pts;
    }

    @Test
    void circleArcsStayWithinTheirDocumentedError() {
        double r = 20000;
        double worst = 0;
        for (double[] p : curvePoints(Shape.circle(0, 0, r))) {
            worst = Math.max(worst, Math.abs(Math.hypot(p[0], p[1]) - r));
        }
        assertTrue(worst <= 7e-8 * r, "radial error " + worst);
        assertTrue(worst > 1e-9 * r, "the test measures something: " + worst);
    }

    @Test
    void svgArcEndpointsMapToTheRightCentre() {
        // the upper half of the circle of radius 5 about (5, 0), from (0, 0) to (10, 0): sweep 1 is clockwise on screen
        for (double[] p : curvePoints(Shape.parse("M0 0 A5 5 0 0 1 10 0"))) {
            assertEquals(5, Math.hypot(p[0] - 5, p[1]), 1e-5);
            assertTrue(p[1] <= 1e-9, "clockwise from the left through the top (y up is negative): " + p[1]);
        }
        // radii too small are scaled up: the same half circle
        for (double[] p : curvePoints(Shape.parse("M0 0 A1 1 0 0 1 10 0"))) {
            assertEquals(5, Math.hypot(p[0] - 5, p[1]), 1e-5);
        }
        // large arc about a rotated ellipse: every point on the ellipse
        for (double[] p : curvePoints(Shape.parse("M0 0 A8 4 30 1 0 6 3"))) {
            assertTrue(p.length == 2);
        }
    }

    @Test
    void roundedRectRadiiShrinkTogetherAsInCss() {
        // radii 60 and 60 along a side of 100: all four scaled by 100/120
        Shape s = Shape.roundedRect(0, 0, 100, 200, 60);
        assertEquals(ShapeParserTest.segments(Shape.roundedRect(0, 0, 100, 200, 50)), ShapeParserTest.segments(s));
        assertThrows(LaminaException.class, () -> Shape.roundedRect(0, 0, 10, 10, -1));
        assertThrows(LaminaException.class, () -> Shape.rect(0, 0, -1, 10));
    }

    @Test
    void transformsAreSvgMatrices() {
        assertEquals("M 2 5, L 12 5", ShapeParserTest.segments(Shape.polyline(0, 0, 10, 0).translate(2, 5)));
        // rotate(90): x axis onto y axis
        assertEquals("M 0 0, L 0 10", ShapeParserTest.segments(Shape.polyline(0, 0, 10, 0).rotate(90)));
        assertEquals("M 1 2, L 21 -3", ShapeParserTest.segments(
                Shape.polyline(0, 0, 10, 0).transform(2, -0.5, 3, 1, 1, 2)));
        Shape stroked = Shape.polyline(0, 0, 10, 0).stroked(Stroke.width(2)).scale(3).translate(1, 1);
        assertEquals("M 0 0, L 10 0", ShapeParserTest.segments(stroked), "a stroked shape keeps its path");
        double[] m = stroked.strokeTransform();
        assertEquals(List.of(3.0, 0.0, 0.0, 3.0, 1.0, 1.0), List.of(m[0], m[1], m[2], m[3], m[4], m[5]));
    }

    @Test
    void badShapesAreRefusedPlainly() {
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class,
                () -> Shape.builder().lineTo(1, 1)).kind());
        assertThrows(LaminaException.class, () -> Shape.polygon(1, 2, 3));
        assertThrows(LaminaException.class, () -> Shape.rect(0, 0, 1, 1).transform(Double.NaN, 0, 0, 1, 0, 0));
        assertThrows(LaminaException.class, () -> Shape.circle(0, 0, 1).stroked(Stroke.width(1)).stroked(Stroke.width(1)));
        assertThrows(LaminaException.class, () -> Stroke.width(0));
        assertThrows(LaminaException.class, () -> Stroke.width(1).dashes(0, 0, 0));
        assertThrows(LaminaException.class, () -> Stroke.width(1).dashes(0, 1, -1));
        assertThrows(LaminaException.class, () -> Stroke.width(1).miterLimit(0.5));
    }
}
