package dev.lamina.metrics;

/** The families of measurements {@link Compare} can make in its one pass over two images. */
public enum Metric {
    /** PSNR (overall and per band), maximum absolute error, and the count of samples that differ. */
    PIXEL_ERRORS,
    /** SSIM (Wang et al. 2004) per colour band and averaged. */
    SSIM,
    /** MS-SSIM over 5 scales; it shares the finest scale with SSIM. */
    MS_SSIM,
    /** CIEDE2000 mean, 95th percentile and maximum over visible pixels. */
    DELTA_E
}
