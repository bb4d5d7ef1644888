package dev.lamina.convolution;

/**
 * The sampled Gaussian that defines Lamina's blur: {@code exp(-k^2 / (2 sigma^2))} for
 * {@code |k| <= radius}, {@code radius = floor(4 sigma + 0.5)}, normalised to sum 1. This is
 * scipy's {@code gaussian_filter} with its default {@code truncate=4.0} (and scikit-image's), so
 * an independent implementation computes the same blur; the weight left out beyond 4 sigma is
 * 6e-5 of the total. (libvips and sharp cut their mask where it falls below 0.2 of its peak by
 * default, about 1.8 sigma: a coarser blur than the sigma says.)
 */
final class GaussianKernel {

    private GaussianKernel() {
    }

    static int radius(double sigma) {
        return (int) (4 * sigma + 0.5);
    }

    /** Weights for offsets -radius..radius, at index offset + radius. */
    static double[] weights(double sigma) {
        int r = radius(sigma);
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            w[k + r] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += w[k + r];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
