package dev.lamina.resample;

import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;

import java.util.Arrays;

/**
 * The weights of one axis, computed once when the operation is built: for each output index the
 * first input index of its window and the window's normalised weights (Pillow's
 * {@code precompute_coeffs}). Inner loops then only multiply and add.
 *
 * <p>Geometry: pixel centres are aligned, so output index {@code o} sits at input coordinate
 * {@code c = (o + 0.5) * scale - 0.5} with {@code scale = in / out}. When downscaling the kernel
 * is stretched by the scale (every input pixel contributes: antialiasing); when upscaling it is
 * used as it is. The window, all inputs within the (stretched) support of {@code c}, is clipped to
 * the image and its weights are renormalised to sum 1, so edges are not darkened. Zero weights at
 * either end of a window are dropped, so loops skip them; the windows of neighbouring outputs are
 * therefore not always in increasing order (callers take the min and max over a range).
 */
final class ResampleWeights {
    /** First input index of each output's window. */
    final int[] first;
    /** Number of weights in each output's window. */
    final int[] count;
    /** Where each output's weights start in {@link #weights}. */
    final int[] offset;
    /** All windows' weights, one after the other; each window sums to 1. */
    final double[] weights;
    /** The largest window. */
    final int maxCount;

    private ResampleWeights(int[] first, int[] count, int[] offset, double[] weights) {
        this.first = first;
        this.count = count;
        this.offset = offset;
        this.weights = weights;
        int m = 0;
        for (int c : count) {
            m = Math.max(m, c);
        }
        this.maxCount = m;
    }

    /** The weights that take an axis of {@code in} pixels to {@code out} pixels with {@code kernel}. */
    static ResampleWeights of(Kernel kernel, int in, int out) {
        return of(kernel, in, out, (double) in / out, Limits.defaults(), "resize");
    }

    /**
     * The same with {@code scale} input pixels per output pixel given, not {@code in / out}: for an
     * input that is a block-reduced copy of a larger source (shrink-on-load), whose last block is
     * partial, so the source's geometry is kept rather than the reduced copy's rounded size.
     */
    static ResampleWeights of(Kernel kernel, int in, int out, double scale) {
        return of(kernel, in, out, scale, Limits.defaults(), "resize");
    }

    /**
     * The same, with the table's memory checked against the budget of {@code limits} before it is
     * allocated ({@code name} names the image in the error). The table holds what the resize
     * needs: per output its window's start, length and place, and one weight per input in its
     * window; for a big downscale that is about {@code 2 x support x in} weights (a 268-million-pixel
     * axis shrunk with LANCZOS3: 1.6 billion, 13 GB), so it is counted before anything is allocated.
     */
    static ResampleWeights of(Kernel kernel, int in, int out, double scale, Limits limits, String name) {
        long taps = kernel == Kernel.NEAREST ? out : windowTaps(kernel, in, out, scale);
        limits.checkMemory(name, Limits.product(out, 3 * Integer.BYTES) + Limits.product(taps, Double.BYTES),
                "computing the resampling weights from " + in + " to " + out + " pixels with " + kernel);
        if (taps > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the resampling weights from " + in
                    + " to " + out + " pixels with " + kernel + " need " + taps + " weights, more than one Java array holds");
        }
        ResampleWeights cached = recent(kernel, in, out, scale);
        if (cached != null) {
            return cached;
        }
        ResampleWeights made = of(kernel, in, out, scale, scale == (double) in / out, (int) taps);
        if (taps <= CACHED_TAPS) {
            remember(made.key(kernel, in, out, scale));
        }
        return made;
    }

    // A batch of thumbnails of same-sized photos builds the same two tables for every image (the
    // kernel's sines: about 1% of a warm 256 px thumbnail's CPU), so the last few small tables
    // are kept. A table is never written after it is built, so one may serve any number of resizes
    // on any threads at once; the same arguments give the same table, so a hit changes nothing but
    // the time.

    /** Tables kept: a batch's two axes, a few times over. */
    private static final int CACHED = 8;
    /** Larger tables (a big upscale's, a huge axis's) are not kept: 64 K weights is 512 KB. */
    private static final long CACHED_TAPS = 1 << 16;
    private static final Key[] RECENT = new Key[CACHED];
    private static int nextSlot;

    /** A table with the arguments that made it. */
    private record Key(Kernel kernel, int in, int out, double scale, ResampleWeights weights) {
        boolean matches(Kernel k, int i, int o, double s) {
            // the scale compared bit for bit: it decides the geometry
            return kernel == k && in == i && out == o && Double.doubleToLongBits(scale) == Double.doubleToLongBits(s);
        }
    }

    private Key key(Kernel kernel, int in, int out, double scale) {
        return new Key(kernel, in, out, scale, this);
    }

    private static synchronized ResampleWeights recent(Kernel kernel, int in, int out, double scale) {
        for (Key k : RECENT) {
            if (k != null && k.matches(kernel, in, out, scale)) {
                return k.weights;
            }
        }
        return null;
    }

    private static synchronized void remember(Key key) {
        RECENT[nextSlot] = key;
        nextSlot = (nextSlot + 1) % CACHED;
    }

    /** The weights of every output's window before its zero ends are dropped: the table's size. */
    private static long windowTaps(Kernel kernel, int in, int out, double scale) {
        double support = kernel.support * Math.max(1.0, scale);
        long taps = 0;
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            int lo = Math.max(0, (int) Math.ceil(centre - support));
            int hi = Math.min(in - 1, (int) Math.floor(centre + support));
            taps += Math.max(1, hi - lo + 1);
        }
        return taps;
    }

    private static ResampleWeights of(Kernel kernel, int in, int out, double scale, boolean ratioOfSizes, int taps) {
        int[] first = new int[out], count = new int[out], offset = new int[out];
        if (kernel == Kernel.NEAREST) {
            double[] w = new double[out];
            for (int o = 0; o < out; o++) {
                // floor((o + 0.5) * in / out) in exact integer arithmetic when the scale is the ratio
                // of the sizes, clamped (Pillow's rule)
                long pick = ratioOfSizes ? ((2L * o + 1) * in) / (2L * out) : (long) Math.floor((o + 0.5) * scale);
                first[o] = (int) Math.clamp(pick, 0, in - 1);
                count[o] = 1;
                offset[o] = o;
                w[o] = 1.0;
            }
            return new ResampleWeights(first, count, offset, w);
        }
        double stretch = Math.max(1.0, scale);
        double support = kernel.support * stretch;
        int windowMax = (int) Math.ceil(2 * support) + 1;
        double[] all = new double[taps];
        double[] window = new double[windowMax];
        int used = 0;
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            int lo = Math.max(0, (int) Math.ceil(centre - support));
            int hi = Math.min(in - 1, (int) Math.floor(centre + support));
            double sum = 0;
            for (int i = lo; i <= hi; i++) {
                double w = KernelFunction.value(kernel, (i - centre) / stretch);
                window[i - lo] = w;
                sum += w;
            }
            int start = 0, end = hi - lo + 1;
            while (start < end && window[start] == 0.0) {
                start++;
            }
            while (end > start && window[end - 1] == 0.0) {
                end--;
            }
            if (!(sum > 0) || start == end) {
                // Cannot happen for these kernels: the input nearest the centre is within half a
                // pixel, where every kernel is positive. Kept so a future kernel fails soft.
                int nearest = Math.clamp(Math.round(centre), 0, in - 1);
                first[o] = nearest;
                count[o] = 1;
                offset[o] = used;
                all[used++] = 1.0;
                continue;
            }
            first[o] = lo + start;
            count[o] = end - start;
            offset[o] = used;
            for (int k = start; k < end; k++) {
                all[used++] = window[k] / sum;
            }
        }
        return new ResampleWeights(first, count, offset, used == all.length ? all : Arrays.copyOf(all, used));
    }

    /** The smallest first input index over outputs [from, to). */
    int inputStart(int from, int to) {
        int s = Integer.MAX_VALUE;
        for (int o = from; o < to; o++) {
            s = Math.min(s, first[o]);
        }
        return s;
    }

    /** One past the largest input index over outputs [from, to). */
    int inputEnd(int from, int to) {
        int e = Integer.MIN_VALUE;
        for (int o = from; o < to; o++) {
            e = Math.max(e, first[o] + count[o]);
        }
        return e;
    }
}
