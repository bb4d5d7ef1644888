package dev.lamina.recipe;

import dev.lamina.model.Paint;
import dev.lamina.model.Stroke;

import java.util.List;

/**
 * How a shape layer's outline is stroked: width, paint, joins, caps and dashes (SVG's rules,
 * core's {@link Stroke}).
 */
public record StrokeStyle(double width, Paint paint, Stroke.Join join, Stroke.Cap cap, double miterLimit,
                          List<Double> dashes, double dashOffset) {
    public StrokeStyle {
        dashes = List.copyOf(dashes);
    }

    /** A stroke of {@code width} in {@code paint}, miter joins (limit 4), butt caps, no dashes. */
    public static StrokeStyle of(double width, Paint paint) {
        return new StrokeStyle(width, paint, Stroke.Join.MITER, Stroke.Cap.BUTT, 4, List.of(), 0);
    }

    public StrokeStyle join(Stroke.Join j) {
        return new StrokeStyle(width, paint, j, cap, miterLimit, dashes, dashOffset);
    }

    public StrokeStyle cap(Stroke.Cap c) {
        return new StrokeStyle(width, paint, join, c, miterLimit, dashes, dashOffset);
    }

    public StrokeStyle dashes(double offset, double... lengths) {
        return new StrokeStyle(width, paint, join, cap, miterLimit, java.util.Arrays.stream(lengths).boxed().toList(), offset);
    }

    Stroke toStroke() {
        Stroke s = Stroke.width(width).join(join).cap(cap).miterLimit(miterLimit);
        if (!dashes.isEmpty()) {
            double[] d = new double[dashes.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = dashes.get(i);
            }
            s = s.dashes(dashOffset, d);
        }
        return s;
    }
}
