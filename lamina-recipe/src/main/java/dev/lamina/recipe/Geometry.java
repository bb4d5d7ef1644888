package dev.lamina.recipe;

import dev.lamina.model.FillRule;
import dev.lamina.model.Shape;

import java.util.List;

/**
 * A shape as a recipe names it (rectangle, rounded rectangle, ellipse, polygon, SVG path), in canvas
 * pixels; {@link #toShape()} makes core's {@link Shape}. Records so that recipes compare by value.
 */
public sealed interface Geometry {

    Shape toShape();

    /** A rectangle; radii 0 (square corners), one radius, or four (top-left, top-right, bottom-right, bottom-left). */
    record Rect(double x, double y, double width, double height, List<Double> radii) implements Geometry {
        public Rect {
            radii = List.copyOf(radii);
        }

        @Override
        public Shape toShape() {
            return switch (radii.size()) {
                case 0 -> Shape.rect(x, y, width, height);
                case 1 -> Shape.roundedRect(x, y, width, height, radii.get(0));
                default -> Shape.roundedRect(x, y, width, height, radii.get(0), radii.get(1), radii.get(2), radii.get(3));
            };
        }
    }

    record Ellipse(double cx, double cy, double rx, double ry) implements Geometry {
        @Override
        public Shape toShape() {
            return Shape.ellipse(cx, cy, rx, ry);
        }
    }

    /** A closed polygon through the points x0, y0, x1, y1, ... */
    record Polygon(List<Double> points) implements Geometry {
        public Polygon {
            points = List.copyOf(points);
        }

        @Override
        public Shape toShape() {
            double[] xy = new double[points.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = points.get(i);
            }
            return Shape.polygon(xy);
        }
    }

    /** SVG path data (M, L, H, V, C, S, Q, T, A, Z and their relative forms). */
    record Path(String d) implements Geometry {
        @Override
        public Shape toShape() {
            return Shape.parse(d);
        }
    }

    static Rect rect(double x, double y, double width, double height) {
        return new Rect(x, y, width, height, List.of());
    }

    static Rect roundedRect(double x, double y, double width, double height, double radius) {
        return new Rect(x, y, width, height, List.of(radius));
    }

    static Ellipse ellipse(double cx, double cy, double rx, double ry) {
        return new Ellipse(cx, cy, rx, ry);
    }

    static Polygon polygon(double... xy) {
        return new Polygon(java.util.Arrays.stream(xy).boxed().toList());
    }

    static Path path(String d) {
        return new Path(d);
    }

    /** The same shape with a fill rule. */
    static Shape withRule(Shape s, FillRule rule) {
        return rule == null ? s : s.fillRule(rule);
    }
}
