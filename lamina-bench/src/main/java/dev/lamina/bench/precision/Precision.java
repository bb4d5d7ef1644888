package dev.lamina.bench.precision;

/**
 * Precision of an 8-bit RGB result against a float64 reference of the same operation: PSNR, SSIM
 * (on luma, Gaussian window 11x11 sigma 1.5, the constants of Wang et al. 2004), CIEDE2000 mean and
 * max, and the largest absolute error in 8-bit levels.
 *
 * @param psnr decibels over all samples; {@code Double.POSITIVE_INFINITY} when identical
 * @param maxAbs largest |result - 255 * reference| over all samples, in levels
 */
public record Precision(double psnr, double ssim, double de2000Mean, double de2000Max, double maxAbs) {

    /**
     * @param rgb   result samples, interleaved RGB, 0..255
     * @param ref   reference samples, interleaved RGB, 0..1 (float64, not rounded)
     */
    public static Precision measure(int[] rgb, double[] ref, int width, int height) {
        int n = width * height;
        if (rgb.length != 3 * n || ref.length != 3 * n) {
            throw new IllegalArgumentException("sample counts differ from " + width + "x" + height + "x3");
        }
        double se = 0;
        double maxAbs = 0;
        double deSum = 0;
        double deMax = 0;
        double[] yOut = new double[n];
        double[] yRef = new double[n];
        for (int i = 0; i < n; i++) {
            double r0 = rgb[3 * i] / 255.0;
            double g0 = rgb[3 * i + 1] / 255.0;
            double b0 = rgb[3 * i + 2] / 255.0;
            double r1 = ref[3 * i];
            double g1 = ref[3 * i + 1];
            double b1 = ref[3 * i + 2];
            for (int c = 0; c < 3; c++) {
                double d = rgb[3 * i + c] - 255 * ref[3 * i + c];
                se += d * d;
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            yOut[i] = 255 * (0.299 * r0 + 0.587 * g0 + 0.114 * b0);
            yRef[i] = 255 * (0.299 * r1 + 0.587 * g1 + 0.114 * b1);
            double de;
            if (r0 == r1 && g0 == g1 && b0 == b1) {
                de = 0;
            } else {
                double[] lab0 = Ciede2000.srgbToLab(r0, g0, b0);
                double[] lab1 = Ciede2000.srgbToLab(r1, g1, b1);
                de = Ciede2000.delta(lab1[0], lab1[1], lab1[2], lab0[0], lab0[1], lab0[2]);
            }
            deSum += de;
            deMax = Math.max(deMax, de);
        }
        double mse = se / (3.0 * n);
        double psnr = mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
        return new Precision(psnr, ssim(yOut, yRef, width, height), deSum / n, deMax, maxAbs);
    }

    /** Mean SSIM of two planes in 0..255, Gaussian-weighted local statistics, valid region only. */
    public static double ssim(double[] x, double[] y, int w, int h) {
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double[] k = gaussian(11, 1.5);
        double[] mx = blur(x, w, h, k);
        double[] my = blur(y, w, h, k);
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] sxx = blur(xx, w, h, k);
        double[] syy = blur(yy, w, h, k);
        double[] sxy = blur(xy, w, h, k);
        int r = k.length / 2;
        double sum = 0;
        long count = 0;
        for (int yy0 = r; yy0 < h - r; yy0++) {
            for (int xx0 = r; xx0 < w - r; xx0++) {
                int i = yy0 * w + xx0;
                double vx = sxx[i] - mx[i] * mx[i];
                double vy = syy[i] - my[i] * my[i];
                double cov = sxy[i] - mx[i] * my[i];
                sum += ((2 * mx[i] * my[i] + c1) * (2 * cov + c2))
                        / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
                count++;
            }
        }
        return count == 0 ? 1.0 : sum / count;
    }

    private static double[] gaussian(int size, double sigma) {
        double[] k = new double[size];
        double s = 0;
        for (int i = 0; i < size; i++) {
            double d = i - size / 2;
            k[i] = Math.exp(-d * d / (2 * sigma * sigma));
            s += k[i];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= s;
        }
        return k;
    }

    /** Separable blur; edges are clamped (only the valid interior is used by ssim). */
    private static double[] blur(double[] in, int w, int h, double[] k) {
        int r = k.length / 2;
        double[] tmp = new double[in.length];
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = -r; j <= r; j++) {
                    s += k[j + r] * in[y * w + Math.clamp(x + j, 0, w - 1)];
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = -r; j <= r; j++) {
                    s += k[j + r] * tmp[Math.clamp(y + j, 0, h - 1) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
