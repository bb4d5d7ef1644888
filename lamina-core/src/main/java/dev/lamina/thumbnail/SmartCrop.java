package dev.lamina.thumbnail;

import dev.lamina.model.ThumbnailOptions;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.StripSink;

/**
 * Chooses the window that a content-aware {@code cover} keeps. The resized image overflows the box
 * along one axis (or both, when it was not enlarged); along each overflowing axis every offset is
 * scored and the best kept, ties going to the offset nearest the centre (so a featureless image is
 * cropped in the middle, as by position).
 *
 * <ul>
 * <li>{@code ENTROPY}: the Shannon entropy, in bits, of the 256-bin histogram of the window's
 * luma (Rec. 709 weights on the encoded samples, rounded to 0..255), fully transparent pixels left
 * out. One pass gathers a histogram per column (or row); the window's histogram then slides one
 * column at a time.</li>
 * <li>{@code ATTENTION}: the sum over the window of each pixel's salience:
 * {@code edge + 1.8 x skin + 0.3 x saturation}, times the pixel's alpha, where {@code edge} is
 * {@code |L - L(left)| + |L - L(above)|} of luma L in 0..1, {@code skin} is
 * {@code (c - 0.8) / 0.2} when {@code c = 1 - |rgb / |rgb| - (0.78, 0.57, 0.44)|} exceeds 0.8 and L
 * lies in 0.2..1 (else 0), and {@code saturation} is
 * {@code (s - 0.4) / 0.6} when the HSV saturation s exceeds 0.4 and L lies in 0.05..0.9 (else 0).
 * The weights follow smartcrop.js, on which libvips' attention strategy is also modelled.</li>
 * </ul>
 * The analysis costs one pass over the resized image and memory of 256 counters per column (or row)
 * along an overflowing axis.
 */
final class SmartCrop {
    /** smartcrop.js's skin tone, compared with each pixel's RGB direction (RGB over its length). */
    private static final double[] SKIN = {0.78, 0.57, 0.44};

    private SmartCrop() {
    }

    /** The window of {@code width x height} of {@code image} (random access) that {@code how} prefers. */
    static Rect window(Image image, int width, int height, ThumbnailOptions.Crop how) {
        boolean alongX = image.width > width;
        boolean alongY = image.height > height;
        Profiles p = Profiles.of(image, alongX, alongY, how);
        int left = alongX ? best(p.columns, width, how) : 0;
        int top = alongY ? best(p.rows, height, how) : 0;
        return new Rect(left, top, width, height);
    }

    /** Per column (or row): a 256-bin luma histogram (entropy) or the summed salience (attention). */
    private record Profiles(double[][] columns, double[][] rows) {
        static Profiles of(Image image, boolean alongX, boolean alongY, ThumbnailOptions.Crop how) {
            int bins = how == ThumbnailOptions.Crop.ENTROPY ? 256 : 1;
            double[][] cols = alongX ? new double[image.width][bins] : null;
            double[][] rows = alongY ? new double[image.height][bins] : null;
            int bands = image.bands;
            int colour = image.interpretation.colourBands;
            boolean alpha = image.hasAlpha;
            double[] row = new double[image.width * bands];
            double[] luma = new double[image.width];
            double[] lumaAbove = new double[image.width];
            boolean[] haveAbove = {false};
            StripSink.run(image, strip -> {
                Rect r = strip.rect();
                for (int y = r.y(); y < r.bottom(); y++) {
                    SampleRows.read(strip, 0, y, image.width, row);
                    for (int x = 0; x < image.width; x++) {
                        int i = x * bands;
                        double red = row[i], green = colour == 3 ? row[i + 1] : red, blue = colour == 3 ? row[i + 2] : red;
                        double a = alpha ? row[i + bands - 1] : 1;
                        double l = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
                        luma[x] = l;
                        double score;
                        int bin = 0;
                        if (bins == 256) {
                            if (a <= 0) {
                                continue;
                            }
                            bin = (int) Math.max(0, Math.min(255, Math.round(l * 255)));
                            score = 1;
                        } else {
                            double edge = (x > 0 ? Math.abs(l - luma[x - 1]) : 0)
                                    + (haveAbove[0] ? Math.abs(l - lumaAbove[x]) : 0);
                            score = a * (edge + 1.8 * skin(red, green, blue, l) + 0.3 * saturation(red, green, blue, l));
                        }
                        if (cols != null) {
                            cols[x][bin] += score;
                        }
                        if (rows != null) {
                            rows[y][bin] += score;
                        }
                    }
                    System.arraycopy(luma, 0, lumaAbove, 0, image.width);
                    haveAbove[0] = true;
                }
            });
            return new Profiles(cols, rows);
        }
    }

    /** The offset of the best window of {@code size} slices; ties to the one nearest the centre. */
    private static int best(double[][] slices, int size, ThumbnailOptions.Crop how) {
        int bins = slices[0].length;
        double[] window = new double[bins];
        for (int i = 0; i < size; i++) {
            add(window, slices[i], 1);
        }
        int last = slices.length - size;
        double centre = last / 2.0;
        int bestOffset = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int o = 0; ; o++) {
            double score = how == ThumbnailOptions.Crop.ENTROPY ? entropy(window) : window[0];
            // Scores equal up to rounding noise count as ties (the sliding sums are not exact).
            double tolerance = 1e-9 * Math.max(1, Math.abs(score));
            if (score > bestScore + tolerance
                    || (Math.abs(score - bestScore) <= tolerance && Math.abs(o - centre) < Math.abs(bestOffset - centre))) {
                bestScore = Math.max(score, bestScore);
                bestOffset = o;
            }
            if (o == last) {
                return bestOffset;
            }
            add(window, slices[o], -1);
            add(window, slices[o + size], 1);
        }
    }

    private static void add(double[] into, double[] slice, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] += sign * slice[i];
        }
    }

    private static double entropy(double[] histogram) {
        double total = 0;
        for (double c : histogram) {
            total += c;
        }
        if (total <= 0) {
            return 0;
        }
        double h = 0;
        for (double c : histogram) {
            if (c > 0.5) {   // counts are whole numbers; a sliding sum may leave 1e-13 behind
                double p = c / total;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    private static double skin(double r, double g, double b, double l) {
        double mag = Math.sqrt(r * r + g * g + b * b);
        if (mag == 0 || l < 0.2 || l > 1) {
            return 0;
        }
        double dr = r / mag - SKIN[0], dg = g / mag - SKIN[1], db = b / mag - SKIN[2];
        double c = 1 - Math.sqrt(dr * dr + dg * dg + db * db);
        return c > 0.8 ? (c - 0.8) / 0.2 : 0;
    }

    private static double saturation(double r, double g, double b, double l) {
        double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        if (max <= 0 || l < 0.05 || l > 0.9) {
            return 0;
        }
        double s = (max - min) / max;
        return s > 0.4 ? (s - 0.4) / 0.6 : 0;
    }
}
