package dev.lamina.simd;

/**
 * The resampler's row kernels with a vector form ({@link Vectors}): the U8 read into normalised
 * doubles, the U8 write back, and the horizontal pass for three and four bands. The scalar forms are the callers' own
 * (core's SampleRows, resample's ResampleHorizontal), which run when {@link Vectors#rowKernels()}
 * is null. Each vector kernel does, lane by lane, the double operations of its scalar form in the
 * same order (no fused multiply-add, the same partial sums), so both give the same doubles bit for
 * bit, and the resize tests hold both to the float64 reference.
 */
public interface RowKernels {
    /** {@code dst[k] = (src[i + k] & 0xFF) / 255.0} for k in 0..n-1 (the correctly rounded quotient). */
    void u8ToUnit(byte[] src, int i, double[] dst, int n);

    /**
     * {@code dst[i + k]} = {@code src[k]} rounded to 0..255 by core's Rounding.toU8 (times 255, plus
     * a half and the tie tolerance, truncated, clamped: NaN and negatives to 0, past 255 to 255),
     * for k in 0..n-1.
     */
    void unitToU8(double[] src, byte[] dst, int i, int n);

    /**
     * The horizontal pass over three interleaved bands, output columns {@code x0 ..} into
     * {@code dst[3 (o - x0) ..]} (see resample's ResampleHorizontal.filterRow for the arguments).
     * Reads one double past a window's last pixel and writes one past an output pixel, so it stops
     * before an output whose window or result would reach past {@code src} or {@code dst}.
     *
     * @return the first output column it did not compute ({@code x1} when all): the caller's
     *     scalar form does the rest
     */
    int rgb(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset, int x0, int x1, int inX0);

    /** The same for four bands; computes every output ({@code x1} is returned). */
    int rgba(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset, int x0, int x1, int inX0);
}
