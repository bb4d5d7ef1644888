package dev.lamina.draw;

import dev.lamina.model.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every point of a curve lies within the tolerance of its polyline (Wang's bound), and not far under it. */
class FlattenerTest {

    @Property(tries = 300)
    void cubicsStayWithinTolerance(@ForAll @DoubleRange(min = -500, max = 500) double x1, @ForAll @DoubleRange(min = -500, max = 500) double y1,
                                   @ForAll @DoubleRange(min = -500, max = 500) double x2, @ForAll @DoubleRange(min = -500, max = 500) double y2,
                                   @ForAll @DoubleRange(min = -500, max = 500) double x3, @ForAll @DoubleRange(min = -500, max = 500) double y3,
                                   @ForAll @DoubleRange(min = 0.001, max = 2) @net.jqwik.api.constraints.Scale(4) double tolerance) {
        Contours c = Flattener.flatten(Shape.builder().moveTo(0, 0).cubicTo(x1, y1, x2, y2, x3, y3).build(), tolerance, "t");
        for (int i = 0; i <= 2000; i++) {
            double t = i / 2000.0, u = 1 - t;
            double x = 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
            double y = 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
            double d = distanceToPolyline(c, x, y);
            assertTrue(d <= tolerance * (1 + 1e-9) + 1e-9, "curve point " + t + " is " + d + " from the polyline");
        }
    }

    @Property(tries = 200)
    void quadraticsStayWithinTolerance(@ForAll @DoubleRange(min = -500, max = 500) double x1, @ForAll @DoubleRange(min = -500, max = 500) double y1,
                                       @ForAll @DoubleRange(min = -500, max = 500) double x2, @ForAll @DoubleRange(min = -500, max = 500) double y2,
                                       @ForAll @DoubleRange(min = 0.001, max = 2) @net.jqwik.api.constraints.Scale(4) double tolerance) {
        Contours c = Flattener.flatten(Shape.builder().moveTo(0, 0).quadTo(x1, y1, x2, y2).build(), tolerance, "t");
        for (int i = 0; i <= 2000; i++) {
            double t = i / 2000.0, u = 1 - t;
            double d = distanceToPolyline(c, 2 * u * t * x1 + t * t * x2, 2 * u * t * y1 + t * t * y2);
            assertTrue(d <= tolerance * (1 + 1e-9) + 1e-9, "curve point " + t + " is " + d + " from the polyline");
        }
    }

    static double distanceToPolyline(Contours c, double x, double y) {
        double best = Math.hypot(x - c.x(0), y - c.y(0));   // a curve of one point flattens to one point
        for (int p = 0; p + 1 < c.points(); p++) {
            double ax = c.x(p), ay = c.y(p), bx = c.x(p + 1), by = c.y(p + 1);
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
            best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
        }
        return best;
    }
}
