package dev.lamina.convolution;

import dev.lamina.model.LaminaException;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

import java.util.Arrays;

/**
 * The Gaussian blur of an image as rows of premultiplied doubles: what blur, sharpen and the
 * shadow effects share. Pixels beyond the image's edges repeat the edge pixel (libvips' "copy"
 * extension, scipy's "nearest").
 *
 * <p>Vertical pass first, over the input's rows (the strip plus the kernel's reach above and
 * below, fetched once, so a sequential input sees one request per strip), then horizontal, over the
 * strip's rows only. Two ways to compute each pass:
 * <ul>
 * <li><b>direct</b>: the sampled kernel ({@link GaussianKernel}) applied as it is, in double:
 * correctly rounded against the float64 reference. The vertical pass adds each input row, times
 * its weight, into the sums of the output rows within reach, 16 output rows at a time (loops over
 * a whole row that the JIT vectorises); the horizontal pass pads the row at the image's edges and
 * adds each shifted copy times its weight.</li>
 * <li><b>recursive</b> ({@link RecursiveGaussian}): a cost per sample independent of sigma, within
 * 0.15 of an 8-bit step of the exact blur: used only when the result is 8-bit and sigma is at least
 * {@link #RECURSIVE_FROM}, where it is faster (docs/benchmarks.md).</li>
 * </ul>
 *
 * <p>Memory per worker: the input rows a strip needs (its height plus twice the reach, times its
 * width plus twice the reach, in the input's format) and the strip's rows in double. Build refuses
 * blurs whose estimate is over {@link #MAX_WORKER_BYTES} with a limit error.
 */
final class BlurredRows {
    /** Largest sigma accepted: a reach of 2000 pixels. */
    static final double MAX_SIGMA = 500;
    /** Sigma from which an 8-bit result is computed with the recursive filter. */
    static final double RECURSIVE_FROM = 3;
    /** Memory one worker may need for its strip of a blur. */
    static final long MAX_WORKER_BYTES = 512L << 20;
    private static final int BLOCK = 16;
    private static final int CHUNK = 256;   // pixels of a row the vertical pass sums at a time

    private final Image input;
    private final int bands;
    private final boolean premultiply;
    private final double[] kernel;          // direct
    private final RecursiveGaussian recursive;
    private final int reach;

    /**
     * The blur of {@code in} with {@code sigma}; {@code eightBitResult} allows the recursive
     * approximation (its error is a fraction of an 8-bit step, too much for 16-bit or float).
     */
    BlurredRows(Image in, double sigma, boolean eightBitResult, String what) {
        check(sigma, what);
        this.input = in;
        this.bands = in.bands;
        this.premultiply = in.hasAlpha;
        if (eightBitResult && sigma >= RECURSIVE_FROM) {
            recursive = new RecursiveGaussian(sigma);
            kernel = null;
            reach = recursive.margin;
        } else {
            recursive = null;
            kernel = GaussianKernel.weights(sigma);
            reach = GaussianKernel.radius(sigma);
        }
        int rows = DemandHint.FATSTRIP.maxRows;
        long perWorker = (long) (Math.min(rows, in.height) + 2L * reach) * (in.width + 2L * reach) * bands * in.format.bytes
                + (long) (recursive != null ? rows : BLOCK) * (in.width + 2L * reach) * bands * 8;
        if (perWorker > MAX_WORKER_BYTES) {
            throw LaminaException.limit(what + ": sigma " + sigma + " on an image " + in.width + " wide needs about "
                    + (perWorker >> 20) + " MB per thread, over the limit of " + (MAX_WORKER_BYTES >> 20) + " MB");
        }
    }

    static void check(double sigma, String what) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw LaminaException.badInput(what + ": sigma must be a positive number, not " + sigma);
        }
        if (sigma > MAX_SIGMA) {
            throw LaminaException.limit(what + ": sigma " + sigma + " is over the limit of " + MAX_SIGMA);
        }
    }

    /** Whether the blur changes nothing (a kernel of one tap). */
    boolean identity() {
        return kernel != null && kernel.length == 1;
    }

    boolean recursive() {
        return recursive != null;
    }

    Image input() {
        return input;
    }

    /** Receives the rows of a request in order; the arrays are reused for the next row. */
    interface RowSink {
        /**
         * @param blurred  premultiplied blurred samples of the request's columns
         * @param original the input's premultiplied samples of the same pixels (only if asked for)
         */
        void row(int y, double[] blurred, double[] original);
    }

    Worker worker(boolean withOriginal) {
        return new Worker(withOriginal);
    }

    /** The per-thread half: the input's sequence and scratch rows. */
    final class Worker implements AutoCloseable {
        private final InputFetch fetch = new InputFetch(input);
        private final boolean withOriginal;
        private double[][] rows = new double[0][];     // the vertical pass's rows (a block of them for the direct pass)
        private double[][] sums = new double[0][];     // direct: a chunk of columns of the block's sums
        private double[] in = new double[0], padded = new double[0], shifted = new double[0], out = new double[0], original = new double[0];
        private final double[][] history = new double[9][];  // recursive: 4 inputs, 4 outputs, the current row
        private final double[] state = new double[16], state2 = new double[16];   // the horizontal recursion's
        private Region region;
        private int regionX;

        private Worker(boolean withOriginal) {
            this.withOriginal = withOriginal;
        }

        void compute(Rect r, RowSink sink) {
            int w = input.width, h = input.height;
            int cx0 = Math.max(0, r.x() - reach), cx1 = Math.min(w, r.right() + reach), cols = cx1 - cx0;
            int fy0 = Math.max(0, r.y() - reach), fy1 = Math.min(h, r.bottom() + reach);
            region = fetch.fetch(new Rect(cx0, fy0, cols, fy1 - fy0));
            regionX = cx0;
            int n = cols * bands;
            in = grow(in, n);
            out = grow(out, r.width() * bands);
            if (withOriginal) {
                original = grow(original, r.width() * bands);
            }
            if (recursive == null) {
                direct(r, cx0, cols, sink);
            } else {
                recursive(r, cx0, cols, fy0, fy1, sink);
            }
        }

        private void direct(Rect r, int cx0, int cols, RowSink sink) {
            int n = cols * bands, radius = kernel.length / 2, h = input.height;
            padded = grow(padded, (r.width() + 2 * radius) * bands);
            ensureRows(Math.min(BLOCK, r.height()), n);
            if (sums.length < BLOCK || sums[0].length < CHUNK * bands) {
                sums = new double[BLOCK][CHUNK * bands];
            }
            for (int b0 = r.y(); b0 < r.bottom(); b0 += BLOCK) {
                int b1 = Math.min(r.bottom(), b0 + BLOCK);
                // a chunk of columns at a time, so that the block's sums stay in the cache while
                // every input row within reach is added into them
                for (int c0 = 0; c0 < cols; c0 += CHUNK) {
                    int pixels = Math.min(CHUNK, cols - c0), cn = pixels * bands;
                    for (int i = 0; i < b1 - b0; i++) {
                        Arrays.fill(sums[i], 0, cn, 0.0);
                    }
                    int loaded = -1;
                    for (int j = b0 - radius; j < b1 + radius; j++) {
                        int src = Math.min(h - 1, Math.max(0, j));
                        if (src != loaded) {
                            read(src, cx0 + c0, pixels, in);
                            loaded = src;
                        }
                        for (int i = Math.max(b0, j - radius), last = Math.min(b1 - 1, j + radius); i <= last; i++) {
                            axpy(sums[i - b0], kernel[j - i + radius], in, cn);
                        }
                    }
                    for (int i = 0; i < b1 - b0; i++) {
                        System.arraycopy(sums[i], 0, rows[i], c0 * bands, cn);
                    }
                }
                for (int i = b0; i < b1; i++) {
                    horizontalDirect(rows[i - b0], cx0, cols, r, radius);
                    emit(r, i, sink);
                }
            }
        }

        /** out = the kernel along row {@code row} (columns cx0..cx0+cols) for the request's columns. */
        private void horizontalDirect(double[] row, int cx0, int cols, Rect r, int radius) {
            int w = input.width, n = r.width() * bands;
            // padded: the row from r.x - radius to r.right + radius, the edge pixels repeated beyond the image
            int from = r.x() - radius, to = r.right() + radius;
            int inFrom = Math.max(0, from), inTo = Math.min(w, to);
            System.arraycopy(row, (inFrom - cx0) * bands, padded, (inFrom - from) * bands, (inTo - inFrom) * bands);
            for (int x = from; x < inFrom; x++) {
                System.arraycopy(row, 0, padded, (x - from) * bands, bands);
            }
            for (int x = inTo; x < to; x++) {
                System.arraycopy(row, (w - 1 - cx0) * bands, padded, (x - from) * bands, bands);
            }
            // Each tap adds a shifted copy of the padded row. Copying the shifted row first lets the
            // loop index both arrays alike, which C2 vectorises (with an offset it stays scalar, about
            // 3x slower: docs/architecture.md, resampling).
            shifted = grow(shifted, n);
            Arrays.fill(out, 0, n, 0.0);
            for (int t = 0; t < kernel.length; t++) {
                System.arraycopy(padded, t * bands, shifted, 0, n);
                axpy(out, kernel[t], shifted, n);
            }
        }

        private void recursive(Rect r, int cx0, int cols, int fy0, int fy1, RowSink sink) {
            RecursiveGaussian g = recursive;
            int n = cols * bands;
            ensureRows(r.height(), n);
            for (int k = 0; k < history.length; k++) {
                history[k] = grow(history[k], n);
            }
            // x1..x4: the inputs one to four rows back (causal) or ahead (anti-causal); y1..y4 the outputs
            double[] x1 = history[0], x2 = history[1], x3 = history[2], x4 = history[3];
            double[] y1 = history[4], y2 = history[5], y3 = history[6], y4 = history[7], cur = history[8], t;
            double b0 = g.b[0], b1 = g.b[1], b2 = g.b[2], b3 = g.b[3];
            double a1 = g.a[0], a2 = g.a[1], a3 = g.a[2], a4 = g.a[3];
            double c1 = g.c[0], c2 = g.c[1], c3 = g.c[2], c4 = g.c[3];
            // causal, downwards from fy0 (the image's top, or the margin above the strip), started on
            // the steady state of that row
            read(fy0, cx0, cols, in);
            for (int i = 0; i < n; i++) {
                x1[i] = x2[i] = x3[i] = in[i];
                y1[i] = y2[i] = y3[i] = y4[i] = in[i] * g.causalGain;
            }
            for (int j = fy0; j < r.bottom(); j++) {
                read(j, cx0, cols, in);
                for (int i = 0; i < n; i++) {
                    cur[i] = b0 * in[i] + b1 * x1[i] + b2 * x2[i] + b3 * x3[i]
                            - a1 * y1[i] - a2 * y2[i] - a3 * y3[i] - a4 * y4[i];
                }
                if (j >= r.y()) {
                    System.arraycopy(cur, 0, rows[j - r.y()], 0, n);
                }
                t = y4;
                y4 = y3;
                y3 = y2;
                y2 = y1;
                y1 = cur;
                cur = t;
                t = x3;
                x3 = x2;
                x2 = x1;
                x1 = t;
                System.arraycopy(in, 0, x1, 0, n);
            }
            // anti-causal, upwards from fy1 - 1 (the image's bottom, or the margin below), added in
            read(fy1 - 1, cx0, cols, in);
            for (int i = 0; i < n; i++) {
                x1[i] = x2[i] = x3[i] = x4[i] = in[i];
                y1[i] = y2[i] = y3[i] = y4[i] = in[i] * g.antiCausalGain;
            }
            for (int j = fy1 - 1; j >= r.y(); j--) {
                for (int i = 0; i < n; i++) {
                    cur[i] = c1 * x1[i] + c2 * x2[i] + c3 * x3[i] + c4 * x4[i]
                            - a1 * y1[i] - a2 * y2[i] - a3 * y3[i] - a4 * y4[i];
                }
                if (j < r.bottom()) {
                    double[] row = rows[j - r.y()];
                    for (int i = 0; i < n; i++) {
                        row[i] += cur[i];
                    }
                }
                t = y4;
                y4 = y3;
                y3 = y2;
                y2 = y1;
                y1 = cur;
                cur = t;
                read(j, cx0, cols, in);
                t = x4;
                x4 = x3;
                x3 = x2;
                x2 = x1;
                x1 = t;
                System.arraycopy(in, 0, x1, 0, n);
            }
            for (int j = r.y(); j < r.bottom(); j++) {
                horizontalRecursive(rows[j - r.y()], cx0, cols, r);
                emit(r, j, sink);
            }
        }

        /**
         * out = the recursive filter along a row of the vertical pass, for the request's columns.
         * All bands advance together: each band's recursion is a chain of dependent multiply-adds,
         * and running three or four chains side by side keeps the processor busy while each waits.
         */
        private void horizontalRecursive(double[] row, int cx0, int cols, Rect r) {
            RecursiveGaussian g = recursive;
            double b0 = g.b[0], b1 = g.b[1], b2 = g.b[2], b3 = g.b[3];
            double a1 = g.a[0], a2 = g.a[1], a3 = g.a[2], a4 = g.a[3];
            double c1 = g.c[0], c2 = g.c[1], c3 = g.c[2], c4 = g.c[3];
            int first = (r.x() - cx0) * bands, end = (r.right() - cx0) * bands, n = cols * bands;
            double[] y = padded = grow(padded, n);
            // state: x[k * bands + b] is band b's input k + 1 samples back (ahead), likewise yv
            double[] x = state, yv = state2;
            for (int b = 0; b < bands; b++) {
                for (int k = 0; k < 4; k++) {
                    x[k * bands + b] = row[b];
                    yv[k * bands + b] = row[b] * g.causalGain;
                }
            }
            int s1 = bands, s2 = 2 * bands, s3 = 3 * bands;
            for (int p = 0; p < end; p += bands) {
                for (int b = 0; b < bands; b++) {
                    double x0 = row[p + b];
                    double y0 = b0 * x0 + b1 * x[b] + b2 * x[s1 + b] + b3 * x[s2 + b]
                            - a1 * yv[b] - a2 * yv[s1 + b] - a3 * yv[s2 + b] - a4 * yv[s3 + b];
                    y[p + b] = y0;
                    x[s2 + b] = x[s1 + b];
                    x[s1 + b] = x[b];
                    x[b] = x0;
                    yv[s3 + b] = yv[s2 + b];
                    yv[s2 + b] = yv[s1 + b];
                    yv[s1 + b] = yv[b];
                    yv[b] = y0;
                }
            }
            for (int b = 0; b < bands; b++) {
                double last = row[n - bands + b];
                for (int k = 0; k < 4; k++) {
                    x[k * bands + b] = last;
                    yv[k * bands + b] = last * g.antiCausalGain;
                }
            }
            for (int p = n - bands; p >= first; p -= bands) {
                for (int b = 0; b < bands; b++) {
                    double y0 = c1 * x[b] + c2 * x[s1 + b] + c3 * x[s2 + b] + c4 * x[s3 + b]
                            - a1 * yv[b] - a2 * yv[s1 + b] - a3 * yv[s2 + b] - a4 * yv[s3 + b];
                    if (p < end) {
                        out[p - first + b] = y[p + b] + y0;
                    }
                    x[s3 + b] = x[s2 + b];
                    x[s2 + b] = x[s1 + b];
                    x[s1 + b] = x[b];
                    x[b] = row[p + b];
                    yv[s3 + b] = yv[s2 + b];
                    yv[s2 + b] = yv[s1 + b];
                    yv[s1 + b] = yv[b];
                    yv[b] = y0;
                }
            }
        }

        private void emit(Rect r, int y, RowSink sink) {
            if (withOriginal) {
                read(y, r.x(), r.width(), original);
            }
            sink.row(y, out, original);
        }

        /** Row y of the fetched input, columns x..x+pixels-1, as normalised premultiplied doubles. */
        private void read(int y, int x, int pixels, double[] dst) {
            SampleRows.read(region, x, y, pixels, dst);
            if (premultiply) {
                int alpha = bands - 1;
                for (int i = 0, n = pixels * bands; i < n; i += bands) {
                    double a = dst[i + alpha];
                    for (int c = i; c < i + alpha; c++) {
                        dst[c] *= a;
                    }
                }
            }
        }

        private void ensureRows(int count, int n) {
            if (rows.length < count || (count > 0 && rows[0].length < n)) {
                rows = new double[Math.max(count, rows.length)][n];
            }
        }

        @Override
        public void close() {
            fetch.close();
        }
    }

    private static void axpy(double[] sum, double w, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            sum[i] += w * x[i];
        }
    }

    private static double[] grow(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }

    /**
     * Premultiplied doubles back to straight samples of {@code out}'s format, rounded once: colour
     * divided by alpha where alpha is above 1e-9 (transparent black elsewhere), alpha clamped to
     * 0..1. Overwrites {@code row}.
     */
    static void writeStraight(double[] row, Region out, int x, int y, int pixels, boolean hasAlpha) {
        if (hasAlpha) {
            int bands = out.bands, alpha = bands - 1;
            for (int i = 0, n = pixels * bands; i < n; i += bands) {
                double a = row[i + alpha];
                if (a > 1e-9) {
                    for (int c = i; c < i + alpha; c++) {
                        row[c] /= a;
                    }
                    row[i + alpha] = Math.min(1.0, a);
                } else {
                    Arrays.fill(row, i, i + bands, 0.0);
                }
            }
        }
        SampleRows.write(row, out, x, y, pixels);
    }
}
