package dev.lamina.text;

import dev.lamina.model.Shape;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.util.Arrays;

/**
 * One glyph's outline in font units (y up, origin on the baseline at the pen position), kept as
 * flat arrays so that a layout can copy it, scaled and moved, into a {@link Shape.Builder} without
 * going back to the font. FontBox hands outlines out as {@code java.awt.geom.GeneralPath}: that
 * class is plain geometry (no native font library, no fontconfig), read once here and then dropped.
 *
 * <p>Immutable.
 */
final class GlyphOutline {
    static final GlyphOutline EMPTY = new GlyphOutline(new byte[0], new double[0]);

    private static final byte MOVE = 0, LINE = 1, QUAD = 2, CUBIC = 3, CLOSE = 4;

    private final byte[] verbs;
    private final double[] coords;

    private GlyphOutline(byte[] verbs, double[] coords) {
        this.verbs = verbs;
        this.coords = coords;
    }

    static GlyphOutline of(GeneralPath path) {
        if (path == null) {
            return EMPTY;
        }
        byte[] v = new byte[16];
        double[] c = new double[64];
        int nv = 0, nc = 0;
        double[] seg = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(seg);
            int points;
            byte verb;
            switch (type) {
                case PathIterator.SEG_MOVETO -> { verb = MOVE; points = 1; }
                case PathIterator.SEG_LINETO -> { verb = LINE; points = 1; }
                case PathIterator.SEG_QUADTO -> { verb = QUAD; points = 2; }
                case PathIterator.SEG_CUBICTO -> { verb = CUBIC; points = 3; }
                default -> { verb = CLOSE; points = 0; }
            }
            if (nv == v.length) {
                v = Arrays.copyOf(v, 2 * nv);
            }
            v[nv++] = verb;
            if (nc + 2 * points > c.length) {
                c = Arrays.copyOf(c, Math.max(2 * c.length, nc + 2 * points));
            }
            for (int i = 0; i < 2 * points; i++) {
                double d = seg[i];
                if (!Double.isFinite(d)) {
                    return EMPTY; // a broken charstring: no outline rather than a poisoned shape
                }
                c[nc++] = d;
            }
        }
        return new GlyphOutline(Arrays.copyOf(v, nv), Arrays.copyOf(c, nc));
    }

    boolean isEmpty() {
        return verbs.length == 0;
    }

    /** Appends this outline to {@code b}, scaled by {@code scale} with y flipped, its origin at (x, y). */
    void appendTo(Shape.Builder b, double x, double y, double scale) {
        int ci = 0;
        boolean open = false;
        for (byte verb : verbs) {
            switch (verb) {
                case MOVE -> {
                    b.moveTo(x + coords[ci] * scale, y - coords[ci + 1] * scale);
                    ci += 2;
                    open = true;
                }
                case LINE -> {
                    if (open) {
                        b.lineTo(x + coords[ci] * scale, y - coords[ci + 1] * scale);
                    }
                    ci += 2;
                }
                case QUAD -> {
                    if (open) {
                        b.quadTo(x + coords[ci] * scale, y - coords[ci + 1] * scale,
                                x + coords[ci + 2] * scale, y - coords[ci + 3] * scale);
                    }
                    ci += 4;
                }
                case CUBIC -> {
                    if (open) {
                        b.cubicTo(x + coords[ci] * scale, y - coords[ci + 1] * scale,
                                x + coords[ci + 2] * scale, y - coords[ci + 3] * scale,
                                x + coords[ci + 4] * scale, y - coords[ci + 5] * scale);
                    }
                    ci += 6;
                }
                default -> {
                    if (open) {
                        b.close();
                    }
                    open = false;
                }
            }
        }
        if (open) {
            b.close(); // glyph contours are closed by definition; a missing closepath must not join the next glyph
        }
    }
}
