package dev.lamina.metrics;

import dev.lamina.core.Image;
import dev.lamina.core.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The metrics sink: measures two images of the same size in one streaming pass (PSNR, SSIM,
 * MS-SSIM, CIEDE2000, maximum absolute error, differing samples).
 *
 * <p>Both images are pulled strip by strip through {@link PairedStrips}. Each worker reads its
 * strip into the common layout of {@link PairLayout} (premultiplied by default), and reduces it to
 * sums: squared errors, SSIM and cs over the windows whose bottom row it owns (it gets the 10 rows
 * above as context), CIEDE2000 values as histogram bins, and the 2 x 2 averaged rows of MS-SSIM's
 * second scale. The calling thread adds the sums in strip order, so results do not depend on
 * thread timing, and streams the second scale through the coarser ones.
 *
 * <p>Memory: a few strips of each image, 11 filtered rows per worker and per MS-SSIM scale, the
 * ΔE histogram (1 MiB), and the rows of scale 2 of the strips in flight. Nothing grows with the
 * image height.
 */
public final class Compare {
    private final Image a;
    private final Image b;
    private final PairLayout layout;
    private final boolean errors;
    private final boolean ssim;
    private final boolean msSsim;
    private final boolean deltaE;
    private final PairLayout.RowReader readerA;
    private final PairLayout.RowReader readerB;
    private final ConcurrentLinkedQueue<Scratch> scratch = new ConcurrentLinkedQueue<>();

    private Compare(Image a, Image b, boolean straight, Set<Metric> metrics) {
        this.a = a;
        this.b = b;
        this.layout = PairLayout.of(a, b, !straight);
        this.errors = metrics.contains(Metric.PIXEL_ERRORS);
        this.msSsim = metrics.contains(Metric.MS_SSIM) && MsSsimScales.defined(a.width, a.height);
        this.ssim = metrics.contains(Metric.SSIM) || msSsim;
        this.deltaE = metrics.contains(Metric.DELTA_E);
        this.readerA = layout.reader(a);
        this.readerB = layout.reader(b);
    }

    /** All metrics, colour premultiplied by alpha. */
    public static Comparison of(Image a, Image b) {
        return of(a, b, false, EnumSet.allOf(Metric.class));
    }

    /**
     * The chosen metrics. {@code straight} compares raw colour values even under alpha 0 (and
     * counts every pixel as visible); the default premultiplies colour by alpha.
     */
    public static Comparison of(Image a, Image b, boolean straight, Set<Metric> metrics) {
        return of(a, b, straight, metrics, PairedStrips.stripHeight(a));
    }

    /** With a chosen strip height: for tests that check results do not depend on how the image is cut. */
    static Comparison of(Image a, Image b, boolean straight, Set<Metric> metrics, int stripHeight) {
        Compare c = new Compare(a, b, straight, metrics);
        return c.run(stripHeight + (stripHeight & 1));
    }

    /** What one strip contributes. */
    private record Partial(double[] sumSq, double[] maxAbs, long differing, double[] ssimSum, double[] csSum,
                           long windows, double deSum, double deMax, int[] deBins, int deCount,
                           List<double[]> downA, List<double[]> downB) {
    }

    /** One worker's reusable buffers. */
    private static final class Scratch {
        final double[] rowA;
        final double[] rowB;
        final double[] upperA;
        final double[] upperB;
        final double[] de;
        final SsimWindow window;
        final PixelDeltaE pixelDeltaE;

        Scratch(PairLayout layout, boolean ssim) {
            int n = layout.width * layout.bands;
            rowA = new double[n];
            rowB = new double[n];
            upperA = new double[n];
            upperB = new double[n];
            de = new double[layout.width];
            window = ssim ? new SsimWindow(layout.width, layout.colourBands, layout.bands, layout.dataRange) : null;
            pixelDeltaE = new PixelDeltaE(layout);
        }
    }

    private Comparison run(int stripHeight) {
        int bands = layout.bands, cb = layout.colourBands;
        double[] sumSq = new double[bands];
        double[] maxAbs = new double[bands];
        long[] differing = {0};
        double[] ssimSum = new double[cb];
        double[] csSum = new double[cb];
        long[] windows = {0};
        double[] deSum = {0};
        double[] deMax = {0};
        DeltaEHistogram histogram = new DeltaEHistogram();
        MsSsimScales scales = msSsim ? new MsSsimScales(layout.width / 2, cb, layout.dataRange) : null;

        PairedStrips.run(a, b, stripHeight, ssim ? SsimWindow.SIZE - 1 : 0, this::measureStrip, p -> {
            for (int k = 0; k < bands; k++) {
                sumSq[k] += p.sumSq[k];
                maxAbs[k] = Math.max(maxAbs[k], p.maxAbs[k]);
            }
            differing[0] += p.differing;
            for (int c = 0; c < cb; c++) {
                ssimSum[c] += p.ssimSum[c];
                csSum[c] += p.csSum[c];
            }
            windows[0] += p.windows;
            deSum[0] += p.deSum;
            deMax[0] = Math.max(deMax[0], p.deMax);
            for (int i = 0; i < p.deCount; i++) {
                histogram.add(p.deBins[i]);
            }
            if (scales != null) {
                for (int i = 0; i < p.downA.size(); i++) {
                    scales.push(p.downA.get(i), p.downB.get(i));
                }
            }
        });

        long pixels = (long) layout.width * layout.height;
        double nan = Double.NaN;
        double psnr = nan, maxAbsAll = nan;
        double[] psnrPerBand = filled(bands, nan), maxAbsPerBand = filled(bands, nan);
        if (errors) {
            double total = 0;
            maxAbsAll = 0;
            for (int k = 0; k < bands; k++) {
                psnrPerBand[k] = Psnr.fromMse(sumSq[k] / pixels, layout.dataRange);
                total += sumSq[k];
                maxAbsPerBand[k] = maxAbs[k];
                maxAbsAll = Math.max(maxAbsAll, maxAbs[k]);
            }
            psnr = Psnr.fromMse(total / (pixels * bands), layout.dataRange);
        }
        double ssimMean = nan;
        double[] ssimPerBand = filled(cb, nan);
        if (ssim && windows[0] > 0) {
            ssimMean = 0;
            for (int c = 0; c < cb; c++) {
                ssimPerBand[c] = ssimSum[c] / windows[0];
                ssimMean += ssimPerBand[c] / cb;
            }
        }
        double ms = nan;
        if (scales != null) {
            ms = 0;
            for (int c = 0; c < cb; c++) {
                double v = Math.pow(Math.max(0, csSum[c] / windows[0]), MsSsimScales.WEIGHTS[0]);
                for (int s = 2; s < MsSsimScales.SCALES; s++) {
                    v *= Math.pow(Math.max(0, scales.meanCs(s, c)), MsSsimScales.WEIGHTS[s - 1]);
                }
                v *= Math.pow(Math.max(0, scales.meanSsim(MsSsimScales.SCALES, c)),
                        MsSsimScales.WEIGHTS[MsSsimScales.SCALES - 1]);
                ms += v / cb;
            }
        }
        double deMean = nan, deP95 = nan, deMaxV = nan;
        long visible = 0;
        if (deltaE) {
            visible = histogram.total();
            deMean = visible == 0 ? 0 : deSum[0] / visible;
            deMaxV = deMax[0];
            deP95 = histogram.percentile(0.95, deMaxV);
        }
        return new Comparison(layout.width, layout.height, layout.bandNames(), layout.dataRange, layout.premultiply,
                psnr, psnrPerBand, ssimMean, ssimPerBand, ms, deMean, deP95, deMaxV, visible,
                maxAbsAll, maxAbsPerBand, errors ? differing[0] : 0, pixels * bands);
    }

    /** The work on one strip, on a worker thread. */
    private Partial measureStrip(Region ra, Region rb, int ownY0) {
        Scratch s = scratch.poll();
        if (s == null) {
            s = new Scratch(layout, ssim);
        }
        try {
            return measureStrip(ra, rb, ownY0, s);
        } finally {
            scratch.add(s);
        }
    }

    private Partial measureStrip(Region ra, Region rb, int ownY0, Scratch s) {
        int bands = layout.bands, cb = layout.colourBands, width = layout.width;
        int top = ra.rect().y(), bottom = ra.rect().bottom();
        double[] sumSq = new double[bands], maxAbs = new double[bands];
        long differing = 0;
        double deSum = 0, deMax = 0;
        int[] deBins = deltaE ? new int[(bottom - ownY0) * width] : null;
        int deCount = 0;
        List<double[]> downA = new ArrayList<>(), downB = new ArrayList<>();
        if (ssim) {
            s.window.reset();
        }
        double[] rowA = s.rowA, rowB = s.rowB;
        for (int y = top; y < bottom; y++) {
            readerA.read(ra, y, rowA);
            readerB.read(rb, y, rowB);
            boolean own = y >= ownY0;
            if (ssim) {
                s.window.push(rowA, rowB, own);
            }
            if (!own) {
                continue;
            }
            if (errors) {
                for (int k = 0; k < bands; k++) {
                    double sq = 0, max = maxAbs[k];
                    for (int i = k; i < rowA.length; i += bands) {
                        double d = rowA[i] - rowB[i];
                        sq += d * d;
                        double ad = Math.abs(d);
                        if (ad != 0) {
                            differing++;
                            max = Math.max(max, ad);
                        }
                    }
                    sumSq[k] += sq;
                    maxAbs[k] = max;
                }
            }
            if (deltaE) {
                s.pixelDeltaE.row(rowA, rowB, s.de);
                for (int x = 0; x < width; x++) {
                    double v = s.de[x];
                    if (v >= 0) {
                        deSum += v;
                        deMax = Math.max(deMax, v);
                        deBins[deCount++] = DeltaEHistogram.bin(v);
                    }
                }
            }
            if (msSsim) {
                // Strips start on even rows, so a row pair never straddles two strips.
                if ((y & 1) == 0) {
                    System.arraycopy(rowA, 0, s.upperA, 0, rowA.length);
                    System.arraycopy(rowB, 0, s.upperB, 0, rowB.length);
                } else {
                    downA.add(MsSsimScales.downsample(s.upperA, rowA, width, bands, cb));
                    downB.add(MsSsimScales.downsample(s.upperB, rowB, width, bands, cb));
                }
            }
        }
        double[] ssimSum = ssim ? s.window.ssimSum.clone() : new double[cb];
        double[] csSum = ssim ? s.window.csSum.clone() : new double[cb];
        long windows = ssim ? s.window.windowsPerBand : 0;
        return new Partial(sumSq, maxAbs, differing, ssimSum, csSum, windows, deSum, deMax, deBins, deCount,
                downA, downB);
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        Arrays.fill(d, v);
        return d;
    }
}
