package dev.lamina.geometry;

import dev.lamina.model.Kernel;
import dev.lamina.resample.KernelFunction;

/**
 * The affine's kernel weights along one input axis, for a run of output pixels along a row whose
 * sample positions step by a constant {@code du} (input pixels per output pixel along this axis).
 *
 * <p>For a sample position {@code u} (input index space: pixel i's centre at i), clamped to the
 * image's extent {@code [-0.5, n - 0.5]} (a partly covered pixel outside the image takes the
 * nearest inside value; coverage blends it with the background), the window is every input index
 * within {@code support = kernel.support x stretch} of it, clipped to the image; each weight is
 * {@code kernel((i - u) / stretch)}, and the window is renormalised to sum 1, exactly as
 * {@code resample/ResampleWeights} does per axis. {@code stretch} is above 1 when the affine
 * compresses this axis (antialiasing, docs/decisions.md).
 *
 * <p>Lanczos needs {@code sin(pi d)} and {@code sin(pi d / a)} at every tap. Calling the sine per
 * tap would cost more than the sums themselves, so they come from angle sums: per pixel
 * {@code theta = pi u / stretch} is the run's first angle plus {@code k x delta}
 * (tables of {@code sin, cos(k delta)} built once), the first tap's angle is
 * {@code pi lo / stretch - theta} (for an unstretched axis {@code sin, cos(pi lo / a)} repeat with
 * period 2a), and each further tap turns both angles by a fixed step (on an unstretched axis
 * {@code sin(pi d)} just alternates in sign and {@code sin(pi d / a)} is one more angle sum with a
 * table, so no tap waits for the one before). The angles are measured
 * from a whole pixel near each run's start, so they stay small and their errors near 1e-13; a tap
 * within 1e-3 of the position (where that error would be large against {@code sin(pi d)}) is
 * evaluated directly. The weights' relative errors stay below about 1e-10, far below what the
 * rounding rule's tie tolerance absorbs at 8 bits and rarely enough to move a 16-bit result
 * (docs/precision.md).
 */
final class AxisWeights {
    private final Kernel kernel;
    private final int size;
    final double stretch;
    final double support;
    /** The most taps any window can have. */
    final int maxTaps;

    // Lanczos: a, the per-tap turns of pi d and pi d / a, sin and cos of pi i / a over two periods
    private final int a;
    private final double turnSin1, turnCos1, turnSin2, turnCos2;
    private final double[] periodicSin, periodicCos;
    /** sin and cos of k x delta (theta's step per output pixel) and of k x delta / a, for k below {@link #run}. */
    private final double[] stepSin1, stepCos1, stepSin2, stepCos2;
    private final int run;

    // Unstretched polynomial kernels (linear, the cubics): a window inside the image has a fixed
    // number of taps whose weights are the kernel's pieces at the distances 1 + f, f, 1 - f, 2 - f
    private final int fixedTaps;
    private final double[] inner, outer;   // cubic coefficients of the BC-spline's pieces, x^3 first

    /**
     * @param size    input pixels along the axis
     * @param stretch the kernel's stretch (at least 1)
     * @param du      the sample position's step per output pixel along a row
     * @param run     the longest run of pixels asked at once
     */
    AxisWeights(Kernel kernel, int size, double stretch, double du, int run) {
        this.kernel = kernel;
        this.size = size;
        this.stretch = stretch;
        this.support = kernel.support * stretch;
        this.maxTaps = (int) Math.min(size + 2L, (long) Math.ceil(2 * support) + 2);
        this.run = run;
        this.a = kernel == Kernel.LANCZOS2 ? 2 : kernel == Kernel.LANCZOS3 ? 3 : 0;
        boolean cubic = kernel == Kernel.CUBIC || kernel == Kernel.MITCHELL;
        this.fixedTaps = stretch != 1.0 ? 0 : kernel == Kernel.LINEAR ? 2 : cubic ? 4 : 0;
        double b = kernel == Kernel.MITCHELL ? 1.0 / 3 : 0, c = kernel == Kernel.MITCHELL ? 1.0 / 3 : 0.5;
        // Mitchell and Netravali's pieces, as resample/KernelFunction writes them
        this.inner = cubic ? new double[]{(12 - 9 * b - 6 * c) / 6, (-18 + 12 * b + 6 * c) / 6, 0, (6 - 2 * b) / 6} : null;
        this.outer = cubic ? new double[]{(-b - 6 * c) / 6, (6 * b + 30 * c) / 6, (-12 * b - 48 * c) / 6, (8 * b + 24 * c) / 6}
                : null;
        if (a == 0) {
            turnSin1 = turnCos1 = turnSin2 = turnCos2 = 0;
            periodicSin = periodicCos = stepSin1 = stepCos1 = stepSin2 = stepCos2 = null;
            return;
        }
        turnSin1 = Math.sin(Math.PI / stretch);
        turnCos1 = Math.cos(Math.PI / stretch);
        turnSin2 = Math.sin(Math.PI / (a * stretch));
        turnCos2 = Math.cos(Math.PI / (a * stretch));
        // two periods, so that a tap index (below 2a + 2) needs no remainder
        periodicSin = new double[4 * a];
        periodicCos = new double[4 * a];
        for (int i = 0; i < 4 * a; i++) {
            periodicSin[i] = Math.sin(Math.PI * i / a);
            periodicCos[i] = Math.cos(Math.PI * i / a);
        }
        double delta = Math.PI * du / stretch;
        stepSin1 = new double[run];
        stepCos1 = new double[run];
        stepSin2 = new double[run];
        stepCos2 = new double[run];
        for (int k = 0; k < run; k++) {
            stepSin1[k] = Math.sin(k * delta);
            stepCos1[k] = Math.cos(k * delta);
            stepSin2[k] = Math.sin(k * delta / a);
            stepCos2[k] = Math.cos(k * delta / a);
        }
    }

    /**
     * The windows of {@code n} pixels (at most {@link #run}) whose unclamped positions are
     * {@code start + k du}: first index in {@code first[k]}, length in {@code count[k]}, normalised
     * weights in {@code w[k maxTaps ..]}.
     */
    void row(double start, double du, int n, int[] first, int[] count, double[] w) {
        // Lanczos angles are taken from a whole pixel near the run's start, so they stay small
        // (a few hundred radians at most) and their rounding errors near 1e-13
        double origin = Math.rint(start);
        double s1 = 0, c1 = 0, s2 = 0, c2 = 0;
        if (a != 0) {
            double theta = Math.PI * (start - origin) / stretch;
            s1 = Math.sin(theta);
            c1 = Math.cos(theta);
            s2 = Math.sin(theta / a);
            c2 = Math.cos(theta / a);
        }
        double hi = size - 0.5;
        for (int k = 0; k < n; k++) {
            double u = start + k * du;
            double pos = u < -0.5 ? -0.5 : u > hi ? hi : u;
            int o = k * maxTaps;
            if (fixedTaps != 0 && fixed(pos, o, k, first, count, w)) {
                continue;
            }
            int lo = Math.max(0, (int) Math.ceil(pos - support));
            int last = Math.min(size - 1, (int) Math.floor(pos + support));
            int taps = last - lo + 1;
            double sum;
            if (a != 0) {
                double sinT, cosT, sinP, cosP;
                if (pos == u) {
                    // theta0 + k delta and the same over a, by angle sums
                    sinT = s1 * stepCos1[k] + c1 * stepSin1[k];
                    cosT = c1 * stepCos1[k] - s1 * stepSin1[k];
                    sinP = s2 * stepCos2[k] + c2 * stepSin2[k];
                    cosP = c2 * stepCos2[k] - s2 * stepSin2[k];
                } else {
                    double theta = Math.PI * (pos - origin) / stretch;   // a clamped edge pixel: a few per row
                    sinT = Math.sin(theta);
                    cosT = Math.cos(theta);
                    sinP = Math.sin(theta / a);
                    cosP = Math.cos(theta / a);
                }
                sum = lanczos(pos, lo, lo - origin, taps, sinT, cosT, sinP, cosP, w, o);
            } else {
                sum = 0;
                for (int t = 0; t < taps; t++) {
                    double v = KernelFunction.value(kernel, (lo + t - pos) / stretch);
                    w[o + t] = v;
                    sum += v;
                }
            }
            double inv = 1.0 / sum;
            for (int t = 0; t < taps; t++) {
                w[o + t] *= inv;
            }
            first[k] = lo;
            count[k] = taps;
        }
    }

    /**
     * The window of an unstretched linear or cubic kernel at {@code pos} when it lies inside the
     * image: taps from {@code floor(pos) - taps/2 + 1}, weights from the kernel's pieces without
     * its branches. Returns false at the image's edges, where the window is clipped (the general
     * path). The weights are the general path's, up to rounding (a tap at exactly the support
     * weighs 0 in both).
     */
    private boolean fixed(double pos, int o, int k, int[] first, int[] count, double[] w) {
        int ix = (int) Math.floor(pos);
        int lo = ix - fixedTaps / 2 + 1;
        if (lo < 0 || lo + fixedTaps > size) {
            return false;
        }
        double f = pos - ix;
        if (fixedTaps == 2) {
            w[o] = 1 - f;
            w[o + 1] = f;
        } else {
            double x0 = 1 + f, x1 = f, x2 = 1 - f, x3 = 2 - f;
            double w0 = ((outer[0] * x0 + outer[1]) * x0 + outer[2]) * x0 + outer[3];
            double w1 = ((inner[0] * x1 + inner[1]) * x1 + inner[2]) * x1 + inner[3];
            double w2 = ((inner[0] * x2 + inner[1]) * x2 + inner[2]) * x2 + inner[3];
            double w3 = ((outer[0] * x3 + outer[1]) * x3 + outer[2]) * x3 + outer[3];
            double inv = 1.0 / ((w0 + w1) + (w2 + w3));
            w[o] = w0 * inv;
            w[o + 1] = w1 * inv;
            w[o + 2] = w2 * inv;
            w[o + 3] = w3 * inv;
        }
        first[k] = lo;
        count[k] = fixedTaps;
        return true;
    }

    /**
     * Lanczos weights {@code a sin(pi d) sin(pi d / a) / (pi d)^2}, {@code d = (i - pos) / stretch},
     * for taps lo.., given sin and cos of {@code theta = pi (pos - origin) / stretch} and of
     * {@code theta / a}, where {@code lo - origin = m}; returns their sum.
     */
    private double lanczos(double pos, int lo, double m, int taps, double sinT, double cosT, double sinP, double cosP,
                           double[] w, int o) {
        // sin and cos of alpha = pi m / stretch and of alpha / a
        double sa1, ca1, sa2, ca2;
        if (stretch == 1.0) {
            int mi = (int) m;
            int period = a == 2 ? mi & 3 : Math.floorMod(mi, 6);   // constant divisors: no division instruction
            sa1 = 0;
            ca1 = (mi & 1) == 0 ? 1 : -1;
            sa2 = periodicSin[period];
            ca2 = periodicCos[period];
        } else {
            double alpha = Math.PI * m / stretch;
            sa1 = Math.sin(alpha);
            ca1 = Math.cos(alpha);
            sa2 = Math.sin(alpha / a);
            ca2 = Math.cos(alpha / a);
        }
        // sin and cos of pi d and pi d / a at the first tap: alpha - theta
        double sd1 = sa1 * cosT - ca1 * sinT, cd1 = ca1 * cosT + sa1 * sinT;
        double sd2 = sa2 * cosP - ca2 * sinP, cd2 = ca2 * cosP + sa2 * sinP;
        double scale = a / (Math.PI * Math.PI), inverse = 1.0 / stretch;
        double sum = 0;
        if (stretch == 1.0) {
            // unstretched, tap t is d0 + t: sin(pi d) alternates in sign and sin(pi d / a) is an angle
            // sum with a fixed table, so the taps do not wait for each other
            for (int t = 0; t < taps; t++) {
                double d = lo + t - pos;
                double v;
                if (Math.abs(d) < NEAR_ZERO) {
                    v = KernelFunction.value(kernel, d);
                } else if (Math.abs(d) >= a) {
                    v = 0.0;
                } else {
                    double s1 = (t & 1) == 0 ? sd1 : -sd1;
                    double s2 = sd2 * periodicCos[t] + cd2 * periodicSin[t];
                    v = scale * s1 * s2 / (d * d);
                }
                w[o + t] = v;
                sum += v;
            }
            return sum;
        }
        for (int t = 0; t < taps; t++) {
            double d = (lo + t - pos) * inverse;
            double v;
            if (Math.abs(d) < NEAR_ZERO) {
                // sin(pi d) from an angle sum is off by about 1e-13, which is large against a tiny d:
                // near the centre the formula itself is cheap to evaluate
                v = KernelFunction.value(kernel, d);
            } else if (Math.abs(d) >= a) {
                v = 0.0;
            } else {
                v = scale * sd1 * sd2 / (d * d);
            }
            w[o + t] = v;
            sum += v;
            // the next tap: both angles turn by pi / stretch and pi / (a stretch)
            double n1 = sd1 * turnCos1 + cd1 * turnSin1;
            cd1 = cd1 * turnCos1 - sd1 * turnSin1;
            sd1 = n1;
            double n2 = sd2 * turnCos2 + cd2 * turnSin2;
            cd2 = cd2 * turnCos2 - sd2 * turnSin2;
            sd2 = n2;
        }
        return sum;
    }

    /** Below this distance a Lanczos weight is evaluated directly. */
    private static final double NEAR_ZERO = 1e-3;
}
