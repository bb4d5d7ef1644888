package dev.lamina.metrics;

/**
 * The distribution of per-pixel CIEDE2000 values in bins of 1/1024, so a percentile of a
 * 16k x 16k image needs 1 MiB rather than a sorted copy of 268 million values.
 *
 * <p>A percentile is the nearest-rank one (the smallest value that at least p of all values do
 * not exceed), reported as the upper edge of its bin, capped at the exact maximum: never below
 * the exact value, and above it by less than 1/1024 (about 0.001 ΔE, far below a visible
 * difference of about 1).
 */
final class DeltaEHistogram {
    static final int BINS_PER_UNIT = 1024;
    /** CIEDE2000 between sRGB colours stays well under 128; larger values share the last bin. */
    static final int BINS = 128 * BINS_PER_UNIT;

    private final long[] counts = new long[BINS];
    private long total;

    static int bin(double deltaE) {
        return (int) Math.min(BINS - 1, deltaE * BINS_PER_UNIT);
    }

    void add(int bin) {
        counts[bin]++;
        total++;
    }

    long total() {
        return total;
    }

    /** The nearest-rank {@code p}-quantile (0 &lt; p &le; 1), given the exact maximum; 0 when empty. */
    double percentile(double p, double exactMax) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p * total);   // 1-based rank of the value wanted
        long seen = 0;
        for (int k = 0; k < BINS; k++) {
            seen += counts[k];
            if (seen >= rank) {
                return Math.min((k + 1) / (double) BINS_PER_UNIT, exactMax);
            }
        }
        return exactMax;
    }
}
