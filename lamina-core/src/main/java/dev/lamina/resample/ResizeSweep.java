package dev.lamina.resample;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.LineCache;
import dev.lamina.core.ReadAheadRows;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.core.RunContext;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A big vertical shrink of a sequential input as one forward sweep, itself a sequential source.
 *
 * <p>Why: the strip path asks its input, per 16-row output strip, for {@code 16 x scale} rows plus
 * the stretched support's margin at once, and the input's line cache keeps a ring of several such
 * requests, so its memory grows with the scale (a 16x LANCZOS3 shrink of an 8000x4000 RGB decoder
 * needed about 112 MB of heap). The sweep instead reads the input four rows at a time, strictly in
 * order, and adds them into the sums of the output rows whose windows are still open: a few
 * rows of the input's width ({@code 2 x support x scale / scale + 3}, whatever the scale). When an
 * output row's window is complete it is filtered horizontally, divided by alpha and rounded, and
 * handed out as the next row of a {@link RowDecoder} behind a {@link LineCache}: downstream sees a
 * normal sequential image of the output's size and format.
 *
 * <p>The arithmetic is the strip path's: the same weights, the vertical sums added with
 * {@link ResampleVertical#addRows} in input order up to four rows at a time, the
 * horizontal pass {@link ResampleHorizontal#filterRow}, and the rounding of
 * {@link RowsToImage#writeRow}; the exactness tests in lamina-reference hold it to the float64
 * reference. The cost: the whole resize runs on one thread, the one that holds the line cache's
 * lock (the decoder below is sequential and single-threaded anyway). A request for rows the line
 * cache has dropped reopens it, which restarts the sweep from input row 0.
 */
final class ResizeSweep implements RowDecoder {
    private final ResampleWeights wx;
    private final ResampleWeights wy;
    private final int bands;
    private final int inWidth;
    private final int outWidth;
    private final int outHeight;
    private final boolean unpremultiply;
    /** min(first[o'] for o' >= o): an output is opened once any later window has begun. */
    private final int[] openFrom;
    /** One past the last input row any window needs. */
    private final int inputEnd;

    private final String name;
    private final RowSource.Reader in;
    /** The sums of the open outputs [emitted, opened), in output order. */
    private final ArrayDeque<double[]> open = new ArrayDeque<>();
    private final ArrayDeque<double[]> spare = new ArrayDeque<>();
    /** The input rows being added (see addNextRows). */
    private final double[][] rows;
    private final double[] out;
    private int nextInput;
    private int opened;

    private ResizeSweep(Image input, ResampleWeights wx, ResampleWeights wy, int outWidth, int outHeight,
                        boolean mixes, int[] openFrom, int inputEnd, String name) {
        this.name = name;
        this.wx = wx;
        this.wy = wy;
        this.bands = input.bands;
        this.inWidth = input.width;
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.unpremultiply = mixes && input.hasAlpha;
        this.openFrom = openFrom;
        this.inputEnd = inputEnd;
        this.rows = new double[ResampleVertical.ROWS_AT_ONCE][inWidth * bands];
        this.out = wx == null ? null : new double[outWidth * bands];
        this.in = new ImageRows(input, mixes).open();
    }

    /**
     * The resized image as a sequential source: {@code wy} takes the input's height to
     * {@code outHeight}; {@code wx}, null when the width is kept, its width to {@code outWidth}.
     */
    static Image image(Image input, ResampleWeights wx, ResampleWeights wy, int outWidth, int outHeight,
                       boolean mixes, Limits limits, String name) {
        int[] openFrom = new int[outHeight];
        int min = Integer.MAX_VALUE;
        for (int o = outHeight - 1; o >= 0; o--) {
            min = Math.min(min, wy.first[o]);
            openFrom[o] = min;
        }
        int inputEnd = wy.inputEnd(0, outHeight);
        return LineCache.image(() -> new ResizeSweep(input, wx, wy, outWidth, outHeight, mixes, openFrom, inputEnd, name),
                outWidth, outHeight, input.interpretation, input.hasAlpha, input.format, input.metadata, name, limits);
    }

    @Override
    public void decodeRow(Region dst, int y) {
        int end = wy.first[y] + wy.count[y];
        while (nextInput < end) {
            if (nextInput % 4096 < ResampleVertical.ROWS_AT_ONCE) {   // once per 4096 input rows (they come in fours)
                // an output row of a big shrink sums up to millions of input rows: the run's
                // deadline and cancellation are looked at while it is summed
                RunContext.current().check(name);
            }
            addNextRows();
        }
        double[] sum = open.removeFirst();
        if (wx != null) {
            ResampleHorizontal.filterRow(sum, out, wx, bands, 0, outWidth, 0);
            RowsToImage.writeRow(out, dst, 0, y, outWidth, bands, unpremultiply);
        } else {
            RowsToImage.writeRow(sum, dst, 0, y, outWidth, bands, unpremultiply);
        }
        spare.addLast(sum);
    }

    /**
     * Reads the next input rows, up to {@link ResampleVertical#ROWS_AT_ONCE}, and adds them into
     * every open output whose window holds them.
     */
    private void addNextRows() {
        int iy = nextInput;
        int n = Math.min(ResampleVertical.ROWS_AT_ONCE, inputEnd - iy);
        // the sweep is its input's only reader and works between requests: its decoder may be read ahead
        ReadAheadRows.asSoleReader(() -> in.request(0, iy, inWidth, iy + n));
        for (int j = 0; j < n; j++) {
            in.row(iy + j, rows[j]);
        }
        nextInput = iy + n;
        int last = nextInput - 1;
        int len = inWidth * bands;
        while (opened < outHeight && openFrom[opened] <= last) {
            double[] sum = spare.pollFirst();
            if (sum == null) {
                // one double more than the row: the horizontal pass's vector form reads a lane past
                // a window's last pixel
                sum = new double[len + 1];
            } else {
                Arrays.fill(sum, 0.0);
            }
            open.addLast(sum);
            opened++;
        }
        int[] first = wy.first, count = wy.count, offset = wy.offset;
        double[] w = wy.weights;
        int o = opened - open.size();
        for (double[] sum : open) {
            ResampleVertical.addRows(sum, w, offset[o], iy - first[o], count[o], rows, n, len);
            o++;
        }
    }

    @Override
    public void close() {
        in.close();
    }
}
