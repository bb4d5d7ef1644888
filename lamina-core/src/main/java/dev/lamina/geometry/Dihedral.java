package dev.lamina.geometry;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.DemandHint;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * The eight exact turns and mirrors of the pixel grid: flip (top-bottom), flop (left-right),
 * rotations by 90, 180 and 270 degrees, and the two transposes. They move pixels without
 * arithmetic, so the output is bit-identical to the input's samples. EXIF orientation
 * ({@link #upright}) is one of them too.
 *
 * <p>Each is named by the EXIF 2.3 Orientation value (tag 0x0112) that it undoes, and is an
 * affine map from an output pixel (X, Y) to the input pixel (x, y), for an input w wide and h high:
 * <pre>
 *   1  as stored                       x = X          y = Y
 *   2  mirrored left-right (flop)      x = w-1-X      y = Y
 *   3  rotated 180                     x = w-1-X      y = h-1-Y
 *   4  mirrored top-bottom (flip)      x = X          y = h-1-Y
 *   5  transposed                      x = Y          y = X
 *   6  turned 90 clockwise             x = Y          y = h-1-X
 *   7  transversed                     x = w-1-Y      y = h-1-X
 *   8  turned 90 counter-clockwise     x = w-1-Y      y = X
 * </pre>
 * 5 to 8 swap width and height. Streaming: a flop keeps the row order, so a sequential input
 * stays sequential; every other turn makes an output strip out of rows from the far end or out of
 * a column band of the input, so a sequential input is materialised first (at build time, on the
 * calling thread, within the memory budget of the {@link Limits} given, the default ones without).
 */
public final class Dihedral {

    /** EXIF orientation of a clockwise turn by 0, 90, 180 and 270 degrees. */
    private static final int[] QUARTER_TURNS = {1, 6, 3, 8};

    // ax, bx, cx (w-1 multiples), ay, by, cy (h-1 multiples) per orientation: x = ax X + bx Y + cx (w-1)
    private static final int[][] MAPS = {
            null,
            {1, 0, 0, 0, 1, 0},
            {-1, 0, 1, 0, 1, 0},
            {-1, 0, 1, 0, -1, 1},
            {1, 0, 0, 0, -1, 1},
            {0, 1, 0, 1, 0, 0},
            {0, 1, 0, -1, 0, 1},
            {0, -1, 1, -1, 0, 1},
            {0, -1, 1, 1, 0, 0},
    };

    private Dihedral() {
    }

    /** Mirrored top-bottom (sharp's {@code flip}: about the horizontal axis). */
    public static Image flip(Image in) {
        return flip(in, Limits.defaults(), "image");
    }

    /** {@link #flip(Image)}, a sequential input held within the memory budget of {@code limits}; {@code name} names it in errors. */
    public static Image flip(Image in, Limits limits, String name) {
        return build(in, 4, limits, name);
    }

    /** Mirrored left-right (sharp's {@code flop}: about the vertical axis). Streams. */
    public static Image flop(Image in) {
        return build(in, 2, Limits.defaults(), "image");
    }

    /** Turned clockwise by {@code quarterTurns} x 90 degrees (any integer; negative turns counter-clockwise). */
    public static Image rotate(Image in, int quarterTurns) {
        return rotate(in, quarterTurns, Limits.defaults(), "image");
    }

    /** {@link #rotate(Image, int)} within the memory budget of {@code limits} (see {@link #flip(Image, Limits, String)}). */
    public static Image rotate(Image in, int quarterTurns, Limits limits, String name) {
        return build(in, QUARTER_TURNS[Math.floorMod(quarterTurns, 4)], limits, name);
    }

    /** The EXIF orientation that undoes {@code orientation}: 6 and 8 swap, the others undo themselves. */
    public static int inverse(int orientation) {
        return orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
    }

    /**
     * An image stored with EXIF orientation 1-8 turned upright; the result's metadata says
     * orientation 1.
     */
    public static Image upright(Image in, int exifOrientation) {
        return upright(in, exifOrientation, Limits.defaults(), "image");
    }

    /** {@link #upright(Image, int)} within the memory budget of {@code limits} (see {@link #flip(Image, Limits, String)}). */
    public static Image upright(Image in, int exifOrientation, Limits limits, String name) {
        Image out = build(in, exifOrientation, limits, name);
        return out.metadata.orientation() == 1 ? out : out.withMetadata(out.metadata.withOrientation(1));
    }

    /** The turn that undoes EXIF orientation {@code orientation} (the table above), metadata kept. */
    static Image build(Image in, int orientation, Limits limits, String name) {
        if (orientation < 1 || orientation > 8) {
            throw LaminaException.badInput("EXIF orientation must be 1 to 8, not " + orientation);
        }
        if (orientation == 1) {
            return in;
        }
        // A flop reads each output row from the same input row; the others need rows out of order.
        Image src = in.sequential && orientation != 2 ? in.materialise(limits, name) : in;
        int[] m = MAPS[orientation];
        int ax = m[0], bx = m[1], cx = m[2] * (src.width - 1);
        int ay = m[3], by = m[4], cy = m[5] * (src.height - 1);
        boolean swap = orientation >= 5;
        int bands = src.bands;

        Producer turn = new Producer() {
            @Override
            public DemandHint demand() {
                return src.producer().demand();
            }

            @Override
            public Sequence start() {
                return new Sequence() {
                    private final InputFetch input = new InputFetch(src);

                    @Override
                    public void generate(Region out) {
                        Rect o = out.rect();
                        int x0 = ax * o.x() + bx * o.y() + cx, y0 = ay * o.x() + by * o.y() + cy;
                        int x1 = ax * (o.right() - 1) + bx * (o.bottom() - 1) + cx;
                        int y1 = ay * (o.right() - 1) + by * (o.bottom() - 1) + cy;
                        Rect wanted = new Rect(Math.min(x0, x1), Math.min(y0, y1),
                                Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
                        Region inputRegion = input.fetch(wanted);
                        // One step right in the output moves (ax, ay) pixels in the input.
                        int step = ax * bands + ay * inputRegion.stride();
                        for (int y = o.y(); y < o.bottom(); y++) {
                            int i = inputRegion.index(ax * o.x() + bx * y + cx, ay * o.x() + by * y + cy);
                            int d = out.index(o.x(), y);
                            copyRow(inputRegion, i, step, out, d, o.width(), bands);
                        }
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
        };
        return new Image(swap ? src.height : src.width, swap ? src.width : src.height, src.interpretation,
                src.hasAlpha, src.format, src.sequential, src.metadata, turn);
    }

    /** Copies {@code pixels} pixels to consecutive places in {@code out}, reading {@code step} samples apart. */
    private static void copyRow(Region in, int i, int step, Region out, int d, int pixels, int bands) {
        switch (in.format) {
            case U8 -> {
                byte[] a = in.u8();
                byte[] b = out.u8();
                for (int p = 0; p < pixels; p++, i += step) {
                    for (int c = 0; c < bands; c++) {
                        b[d++] = a[i + c];
                    }
                }
            }
            case U16 -> {
                short[] a = in.u16();
                short[] b = out.u16();
                for (int p = 0; p < pixels; p++, i += step) {
                    for (int c = 0; c < bands; c++) {
                        b[d++] = a[i + c];
                    }
                }
            }
            case F32 -> {
                float[] a = in.f32();
                float[] b = out.f32();
                for (int p = 0; p < pixels; p++, i += step) {
                    for (int c = 0; c < bands; c++) {
                        b[d++] = a[i + c];
                    }
                }
            }
        }
    }
}
