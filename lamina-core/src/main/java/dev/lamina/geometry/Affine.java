package dev.lamina.geometry;

import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;
import dev.lamina.resample.ImageRows;
import dev.lamina.resample.RowSource;
import dev.lamina.resample.RowsToImage;

/**
 * A general affine transform (scale, rotate, shear, translate; libvips' {@code affine}), and
 * rotation by any angle on top of it.
 *
 * <p><b>Model.</b> Each output pixel's centre is mapped back into the input ({@link AffineMatrix}:
 * continuous coordinates, pixel centres at half-integers) and sampled there with a
 * {@link Kernel}, in premultiplied alpha, the window clipped to the image and renormalised as a
 * resize does ({@link AxisWeights}); where the affine compresses an input axis the kernel is
 * stretched along it by {@code 1 / |M e_axis|} (so a pure scale is exactly a resize, and a pure
 * rotation or shear is not blurred; docs/decisions.md). The image's edges are antialiased by
 * coverage: a pixel that the transformed image covers in part is
 * {@code coverage x sample + (1 - coverage) x background}, premultiplied, with the exact covered
 * area ({@link Coverage}). Then alpha is divided out and the result rounded once
 * ({@code core/Rounding}). {@link Kernel#NEAREST} mixes nothing: a pixel copies the input pixel
 * under its centre (on an edge between pixels, the one right of or below it), or is background
 * where there is none.
 *
 * <p><b>Output.</b> The output area is a rectangle of output space: by default the transformed
 * image's bounding box ({@link AffineMatrix#bounds}); any other rectangle may be asked for, and
 * may miss the image (it is then all background). The background defaults to zeros in the input's
 * layout; a colour may widen the layout ({@link Background}).
 *
 * <p><b>Demand.</b> An output request is cut into tiles of {@value #TILE} x {@value #TILE}
 * pixels; for each, the rows' spans that touch the image come from four edge inequalities, the
 * span ends' sample positions (clamped to the image) plus the kernel's support give the input
 * rectangle the tile needs, and only that is asked for (and read as premultiplied doubles, a row
 * at a time). Tiles that miss the image ask for nothing. A sequential input is materialised first:
 * a rotated strip of output needs a slanted band of input rows.
 */
public final class Affine {
    /** Output tiles are this many pixels square: a rotated tile's input rectangle stays small. */
    static final int TILE = 64;

    private Affine() {
    }

    /**
     * {@code in} transformed by {@code m}.
     *
     * @param area   the output rectangle in output space, or null for the transformed image's bounds
     * @param argb   the background ({@code 0xAARRGGBB}), or null for zeros in the image's layout
     */
    public static Image build(Image in, AffineMatrix m, Kernel kernel, Rect area, Integer argb) {
        return build(in, m, kernel, area, argb, Limits.defaults(), "image");
    }

    /**
     * {@link #build(Image, AffineMatrix, Kernel, Rect, Integer)}; a sequential input is held in
     * memory within the memory budget of {@code limits}, and {@code name} names it in errors.
     */
    public static Image build(Image in, AffineMatrix m, Kernel kernel, Rect area, Integer argb, Limits limits,
                              String name) {
        if (kernel == null) {
            throw LaminaException.badInput("affine: no kernel given");
        }
        Rect o = area != null ? area : m.bounds(in.width, in.height);
        if (o.width() <= 0 || o.height() <= 0) {
            throw LaminaException.badInput("affine: the output area must have a positive size, not "
                    + o.width() + "x" + o.height());
        }
        Background bg = Background.of(in, argb);
        Image conformed = bg.conform(in);
        Image src = conformed.sequential ? conformed.materialise(limits, name) : conformed;
        Producer p = kernel == Kernel.NEAREST ? new Nearest(src, m, o, bg) : new Sampled(src, m, kernel, o, bg);
        return new Image(o.width(), o.height(), src.interpretation, src.hasAlpha, src.format, false, src.metadata, p);
    }

    /**
     * {@code in} turned clockwise by {@code degrees} about its centre, onto the smallest whole
     * rectangle that holds it ({@link #rotation}), by the general path even at multiples of 90
     * degrees (the public API sends those to {@link Dihedral}).
     */
    public static Image rotate(Image in, double degrees, Kernel kernel, Integer argb) {
        Rotation r = rotation(in.width, in.height, degrees);
        return build(in, r.matrix(), kernel, r.area(), argb);
    }

    /** A rotation's map and output rectangle. */
    public record Rotation(AffineMatrix matrix, Rect area) {
    }

    /**
     * The clockwise rotation by {@code degrees} of a {@code width x height} image about its centre:
     * the output is {@code ceil(w |cos| + h |sin|)} by {@code ceil(w |sin| + h |cos|)} pixels (within
     * 1e-9 of an integer counts as it), and the image's centre lands on the output's centre, so
     * the empty margins are equal on opposite sides.
     */
    public static Rotation rotation(int width, int height, double degrees) {
        if (!Double.isFinite(degrees)) {
            throw LaminaException.badInput("rotate: the angle must be a finite number of degrees, not " + degrees);
        }
        double rad = Math.toRadians(degrees % 360.0);
        double cos = Math.cos(rad), sin = Math.sin(rad);
        double w = Math.abs(cos) * width + Math.abs(sin) * height;
        double h = Math.abs(sin) * width + Math.abs(cos) * height;
        double ow = Math.max(1, Math.ceil(w - AffineMatrix.BOUNDS_TOLERANCE));
        double oh = Math.max(1, Math.ceil(h - AffineMatrix.BOUNDS_TOLERANCE));
        Rect area = AffineMatrix.checkedRect(0, 0, ow, oh);
        double tx = ow / 2 - (cos * width / 2 - sin * height / 2);
        double ty = oh / 2 - (sin * width / 2 + cos * height / 2);
        return new Rotation(new AffineMatrix(cos, -sin, sin, cos, tx, ty), area);
    }

    /** What both producers share: where output pixel centres land in the input. */
    private abstract static class Mapping implements Producer {
        final Image src;
        final Rect area;
        final Background bg;
        final Region stored;
        final int bands;
        /** Input position of output pixel (0, 0)'s centre, and its steps per output column and row. */
        final double u0, v0, duX, dvX, duY, dvY;

        Mapping(Image src, AffineMatrix m, Rect area, Background bg) {
            this.src = src;
            this.area = area;
            this.bg = bg;
            this.stored = bg.stored(src.format);
            this.bands = src.bands;
            AffineMatrix inv = m.inverse();
            double cx = area.x() + 0.5 - m.tx(), cy = area.y() + 0.5 - m.ty();
            // index space: input pixel i's centre is at i, so subtract the half pixel
            this.u0 = inv.a() * cx + inv.b() * cy - 0.5;
            this.v0 = inv.c() * cx + inv.d() * cy - 0.5;
            this.duX = inv.a();
            this.dvX = inv.c();
            this.duY = inv.b();
            this.dvY = inv.d();
        }

        @Override
        public DemandHint demand() {
            return DemandHint.ANY;   // tiles inside any strip
        }

        double u(int x, int y) {
            return u0 + y * duY + x * duX;
        }

        double v(int x, int y) {
            return v0 + y * dvY + x * dvX;
        }
    }

    /** Every kernel but nearest: premultiplied sums over the window, edges by coverage. */
    private static final class Sampled extends Mapping {
        private final Coverage coverage;
        private final Kernel kernel;
        private final double stretchX, stretchY;
        private final double[] background;

        Sampled(Image src, AffineMatrix m, Kernel kernel, Rect area, Background bg) {
            super(src, m, area, bg);
            this.kernel = kernel;
            this.coverage = new Coverage(m, src.width, src.height, area.x(), area.y());
            // how far apart (in output pixels) neighbouring input pixels land along each input axis
            this.stretchX = Math.max(1.0, 1.0 / Math.hypot(m.a(), m.c()));
            this.stretchY = Math.max(1.0, 1.0 / Math.hypot(m.b(), m.d()));
            this.background = bg.premultiplied();
            // a compressing affine reads stretch x more input per output pixel: smaller tiles keep
            // a tile's input rectangle (and its rows of doubles) about the same size
            this.tile = (int) Math.max(1, Math.min(TILE, TILE / Math.max(stretchX, stretchY)));
        }

        private final int tile;

        @Override
        public Sequence start() {
            return new Sequence() {
                private final AxisWeights wx = new AxisWeights(kernel, src.width, stretchX, duX, TILE);
                private final AxisWeights wy = new AxisWeights(kernel, src.height, stretchY, dvX, TILE);
                private final RowSource.Reader reader = new ImageRows(src, true).open();
                private final int[] spans = new int[4];
                private final int[][] rowSpans = new int[TILE][4];
                private final int[] firstX = new int[TILE], countX = new int[TILE];
                private final int[] firstY = new int[TILE], countY = new int[TILE];
                private final double[] weightsX = new double[TILE * wx.maxTaps];
                private final double[] weightsY = new double[TILE * wy.maxTaps];
                private final double[] row = new double[TILE * bands];
                private final double[][] scratch = Coverage.scratch();
                private double[][] rows = new double[0][];

                @Override
                public void generate(Region out) {
                    Rect r = out.rect();
                    for (int ty = r.y(); ty < r.bottom(); ty += tile) {
                        for (int tx = r.x(); tx < r.right(); tx += tile) {
                            tile(out, new Rect(tx, ty, Math.min(tile, r.right() - tx), Math.min(tile, r.bottom() - ty)));
                        }
                    }
                }

                private void tile(Region out, Rect t) {
                    int minX = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, minY = Integer.MAX_VALUE, maxY = -1;
                    for (int k = 0; k < t.height(); k++) {
                        coverage.spans(t.y() + k, t.x(), t.right(), rowSpans[k]);
                        int[] s = rowSpans[k];
                        if (s[1] > s[0]) {
                            minX = Math.min(minX, s[0]);
                            maxX = Math.max(maxX, s[1] - 1);
                            minY = Math.min(minY, t.y() + k);
                            maxY = t.y() + k;
                        }
                    }
                    if (maxY < 0) {
                        Background.fill(out, t, stored);
                        return;
                    }
                    fetch(minX, maxX, minY, maxY);
                    for (int k = 0; k < t.height(); k++) {
                        int y = t.y() + k;
                        int[] s = rowSpans[k];
                        Background.fill(out, new Rect(t.x(), y, s[0] - t.x(), 1), stored);
                        Background.fill(out, new Rect(s[1], y, t.right() - s[1], 1), stored);
                        if (s[1] > s[0]) {
                            sampleRow(out, y, s);
                        }
                    }
                }

                /** Reads the input rectangle that the touching pixels' windows need, as premultiplied rows. */
                private void fetch(int minX, int maxX, int minY, int maxY) {
                    double uMin = Double.POSITIVE_INFINITY, uMax = Double.NEGATIVE_INFINITY;
                    double vMin = Double.POSITIVE_INFINITY, vMax = Double.NEGATIVE_INFINITY;
                    for (int cx : new int[]{minX, maxX}) {
                        for (int cy : new int[]{minY, maxY}) {
                            double u = u(cx, cy), v = v(cx, cy);
                            uMin = Math.min(uMin, u);
                            uMax = Math.max(uMax, u);
                            vMin = Math.min(vMin, v);
                            vMax = Math.max(vMax, v);
                        }
                    }
                    // one pixel more each way: positions are recomputed per run, a rounding apart
                    int x0 = window(uMin, -wx.support, src.width) - 1, x1 = window(uMax, wx.support, src.width) + 1;
                    int y0 = window(vMin, -wy.support, src.height) - 1, y1 = window(vMax, wy.support, src.height) + 1;
                    x0 = Math.max(0, x0);
                    y0 = Math.max(0, y0);
                    x1 = Math.min(src.width - 1, x1);
                    y1 = Math.min(src.height - 1, y1);
                    reader.request(x0, y0, x1 + 1, y1 + 1);
                    int h = y1 - y0 + 1, n = (x1 - x0 + 1) * bands;
                    if (rows.length < h) {
                        rows = java.util.Arrays.copyOf(rows, h);
                    }
                    for (int j = 0; j < h; j++) {
                        if (rows[j] == null || rows[j].length < n) {
                            rows[j] = new double[n];
                        }
                        reader.row(y0 + j, rows[j]);
                    }
                    rowsX0 = x0;
                    rowsY0 = y0;
                }

                private int rowsX0, rowsY0;

                private void sampleRow(Region out, int y, int[] s) {
                    int from = s[0], n = s[1] - s[0];
                    wx.row(u(from, y), duX, n, firstX, countX, weightsX);
                    wy.row(v(from, y), dvX, n, firstY, countY, weightsY);
                    WindowSums.sample(bands, rows, rowsX0, rowsY0, n, firstX, countX, weightsX, wx.maxTaps,
                            firstY, countY, weightsY, wy.maxTaps, row);
                    // the edge pixels either side of the inside span: blended with the background by the covered area
                    blendEdge(y, from, s[2], from);
                    blendEdge(y, s[3], s[1], from);
                    RowsToImage.writeRow(row, out, from, y, n, bands, src.hasAlpha);
                }

                private void blendEdge(int y, int x0, int x1, int from) {
                    for (int x = x0; x < x1; x++) {
                        double c = coverage.at(x, y, scratch);
                        int i = (x - from) * bands;
                        for (int b = 0; b < bands; b++) {
                            row[i + b] = c * row[i + b] + (1 - c) * background[b];
                        }
                    }
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        }

        /** The first (or last, with a positive reach) input index within {@code reach} of position {@code u}, clamped. */
        private static int window(double u, double reach, int size) {
            double pos = Math.max(-0.5, Math.min(size - 0.5, u));
            return reach < 0 ? (int) Math.ceil(pos + reach) : (int) Math.floor(pos + reach);
        }
    }

    /**
     * Nearest: the input pixel under each output pixel's centre, copied; background where none. A
     * centre on the edge between two pixels (within 1e-9: a turn by 45 degrees puts centres there,
     * up to rounding noise) takes the pixel right of or below the edge.
     */
    private static final class Nearest extends Mapping {
        private static final double ON_EDGE = 1e-9;

        Nearest(Image src, AffineMatrix m, Rect area, Background bg) {
            super(src, m, area, bg);
        }

        @Override
        public Sequence start() {
            return new Sequence() {
                private final InputFetch input = new InputFetch(src);
                private final int[] index = new int[TILE];

                @Override
                public void generate(Region out) {
                    Rect r = out.rect();
                    for (int ty = r.y(); ty < r.bottom(); ty += TILE) {
                        for (int tx = r.x(); tx < r.right(); tx += TILE) {
                            tile(out, new Rect(tx, ty, Math.min(TILE, r.right() - tx), Math.min(TILE, r.bottom() - ty)));
                        }
                    }
                }

                private void tile(Region out, Rect t) {
                    // the input pixels under the tile's centres: continuous x = u + 0.5, extremes at the corners
                    double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
                    double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
                    for (int cx : new int[]{t.x(), t.right() - 1}) {
                        for (int cy : new int[]{t.y(), t.bottom() - 1}) {
                            xMin = Math.min(xMin, u(cx, cy) + 0.5);
                            xMax = Math.max(xMax, u(cx, cy) + 0.5);
                            yMin = Math.min(yMin, v(cx, cy) + 0.5);
                            yMax = Math.max(yMax, v(cx, cy) + 0.5);
                        }
                    }
                    // a rounding apart from the per-pixel positions: one pixel more each way
                    int x0 = (int) Math.max(0, Math.floor(Math.max(-1, xMin)) - 1);
                    int x1 = (int) Math.min(src.width - 1, Math.floor(Math.min(src.width, xMax)) + 1);
                    int y0 = (int) Math.max(0, Math.floor(Math.max(-1, yMin)) - 1);
                    int y1 = (int) Math.min(src.height - 1, Math.floor(Math.min(src.height, yMax)) + 1);
                    // the same tolerance as the per-pixel test below: a centre a rounding short of
                    // the image's left or top edge belongs to its first pixel there, so a tile of
                    // that one pixel must not be taken for a miss
                    if (xMax + ON_EDGE < 0 || yMax + ON_EDGE < 0 || xMin + ON_EDGE >= src.width
                            || yMin + ON_EDGE >= src.height) {
                        Background.fill(out, t, stored);
                        return;
                    }
                    Region in = input.fetch(new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
                    for (int y = t.y(); y < t.bottom(); y++) {
                        for (int x = t.x(), k = 0; x < t.right(); x++, k++) {
                            double fx = Math.floor(u(x, y) + 0.5 + ON_EDGE), fy = Math.floor(v(x, y) + 0.5 + ON_EDGE);
                            boolean inside = fx >= 0 && fy >= 0 && fx < src.width && fy < src.height;
                            index[k] = inside ? in.index((int) fx, (int) fy) : -1;
                        }
                        RegionCopy.gather(in, index, t.width(), stored, out, out.index(t.x(), y));
                    }
                }

                @Override
                public void close() {
                    input.close();
                }
            };
        }
    }
}
