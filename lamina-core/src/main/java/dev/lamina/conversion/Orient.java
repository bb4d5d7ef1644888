package dev.lamina.conversion;

import dev.lamina.LaminaException;
import dev.lamina.Limits;
import dev.lamina.core.DemandHint;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * Turns an image stored with EXIF orientation 1-8 upright: the flips, rotations and transposes of
 * the EXIF 2.3 Orientation tag (0x0112). The result's metadata says orientation 1.
 *
 * <p>Each orientation is an affine map from an upright pixel (X, Y) to the stored pixel (x, y), for a
 * stored image w wide and h high:
 * <pre>
 *   1  as stored                       x = X          y = Y
 *   2  mirrored left-right             x = w-1-X      y = Y
 *   3  rotated 180                     x = w-1-X      y = h-1-Y
 *   4  mirrored top-bottom             x = X          y = h-1-Y
 *   5  transposed                      x = Y          y = X
 *   6  needs 90 clockwise              x = Y          y = h-1-X
 *   7  transversed                     x = w-1-Y      y = h-1-X
 *   8  needs 90 counter-clockwise      x = w-1-Y      y = X
 * </pre>
 * 5 to 8 swap width and height. A strip of the output is a column band of the input, so a
 * sequential input is materialised first (at build time, on the calling thread).
 */
public final class Orient {

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

    private Orient() {
    }

    /** The EXIF orientation that undoes {@code orientation}: 6 and 8 swap, the others undo themselves. */
    public static int inverse(int orientation) {
        return orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
    }

    public static Image build(Image in, int exifOrientation) {
        return build(in, exifOrientation, Limits.defaults(), "image");
    }

    /**
     * As {@link #build(Image, int)}; a sequential input is held in memory whole, within the memory
     * budget of {@code limits}, and {@code name} names it in errors.
     */
    public static Image build(Image in, int exifOrientation, Limits limits, String name) {
        if (exifOrientation < 1 || exifOrientation > 8) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "EXIF orientation must be 1 to 8, not " + exifOrientation);
        }
        if (exifOrientation == 1) {
            return in.metadata.orientation() == 1 ? in : in.withMetadata(in.metadata.withOrientation(1));
        }
        Image src = in.sequential ? in.materialise(limits, name) : in;
        int[] m = MAPS[exifOrientation];
        int ax = m[0], bx = m[1], cx = m[2] * (src.width - 1);
        int ay = m[3], by = m[4], cy = m[5] * (src.height - 1);
        boolean swap = exifOrientation >= 5;
        int bands = src.bands;

        Producer orient = new Producer() {
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
                src.hasAlpha, src.format, false, src.metadata.withOrientation(1), orient);
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
