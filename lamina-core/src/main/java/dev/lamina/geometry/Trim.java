package dev.lamina.geometry;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.StripSink;

/**
 * Cuts away a border of near-uniform colour (sharp's {@code trim}, libvips' {@code find_trim}
 * followed by an extract).
 *
 * <p><b>The rule</b>, libvips' and sharp's, in 8-bit units whatever the format (a U16 sample
 * {@code v} counts {@code v / 257}): the background is a colour and an alpha, by default the
 * top-left pixel's. Each pixel's colour is flattened onto the background colour by its own alpha
 * ({@code c a + bg (1 - a)}); unless the image is line art, every band (the flattened colour
 * bands, and alpha) then goes through a 3x3 median, the image's edge pixels repeated beyond it, to
 * ignore isolated noise. A pixel is content when any colour band differs from the background's by
 * more than {@code threshold}, or its alpha from the background's alpha by more than
 * {@code threshold} (sharp searches alpha apart and takes the union of the two boxes, which is the
 * box of this union). The result is the bounding box of the content; an image with no content is
 * returned whole, as sharp does. Differences are compared with a tolerance of 1e-7 units, so a
 * difference of exactly the threshold is never content.
 *
 * <p><b>Cost.</b> Finding the box is a pass over the image on the calling thread's run (the
 * workers compute the strips' boxes, merged in order): {@link #build} computes it when called, not
 * when the result is pulled. A sequential input is therefore read twice (once to find the box,
 * once when the result is saved), plus its first row once more when the background is the
 * top-left pixel; memory stays a few strips. Pin an image first to read it once.
 */
public final class Trim {
    private static final double TOLERANCE = 1e-7;

    private Trim() {
    }

    /**
     * @param background the background, normalised: colour bands then alpha (when the image has
     *                   alpha), or null for the top-left pixel
     * @param threshold  in 8-bit units, at least 0
     */
    public static Image build(Image in, double[] background, double threshold, boolean lineArt) {
        Rect box = box(in, background, threshold, lineArt);
        return box == null ? in : Extract.build(in, box);
    }

    /** The box of content, or null when there is none. */
    public static Rect box(Image in, double[] background, double threshold, boolean lineArt) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw LaminaException.badInput("trim: the threshold must be a number of at least 0, not " + threshold);
        }
        double[] bg = background != null ? background : topLeft(in);
        if (bg.length != in.bands) {
            throw LaminaException.badInput("trim: the background needs " + in.bands + " values for this image, not "
                    + bg.length);
        }
        int margin = lineArt ? 0 : 1;
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        // Each strip brings two rows of context above it and decides the rows one above its own
        // (their median needs the row below): every row is decided once, by the strip holding the
        // row under it, and the last strip decides the image's last row as well.
        int height = StripSink.stripHeight(in);
        StripSink.run(in, height, 2 * margin, (strip, firstRow) -> stripBox(strip, firstRow, in, bg, threshold, margin),
                found -> {
                    if (found != null) {
                        box[0] = Math.min(box[0], found[0]);
                        box[1] = Math.min(box[1], found[1]);
                        box[2] = Math.max(box[2], found[2]);
                        box[3] = Math.max(box[3], found[3]);
                    }
                });
        if (box[2] < 0) {
            return null;
        }
        return new Rect(box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1);
    }

    /** The top-left pixel, normalised, read by a run of its own (so a file's decoder is released). */
    static double[] topLeft(Image in) {
        Region corner = Extract.build(in, new Rect(0, 0, 1, 1)).materialise(Limits.defaults(), "trim").fetch(new Rect(0, 0, 1, 1));
        double[] px = new double[in.bands];
        SampleRows.read(corner, 0, 0, 1, px);
        return px;
    }

    /** Content box {minX, minY, maxX, maxY} of the rows this strip decides, or null. */
    private static int[] stripBox(Region strip, int firstRow, Image in, double[] bg, double threshold, int margin) {
        Rect r = strip.rect();
        int w = in.width, bands = in.bands, colour = in.interpretation.colourBands;
        boolean alpha = in.hasAlpha;
        // rows of flattened samples in 8-bit units
        double[][] rows = new double[r.height()][w * bands];
        double[] bg8 = new double[bands];
        for (int b = 0; b < bands; b++) {
            bg8[b] = bg[b] * 255.0;
        }
        for (int k = 0; k < r.height(); k++) {
            double[] row = rows[k];
            SampleRows.read(strip, 0, r.y() + k, w, row);
            for (int i = 0; i < w * bands; i += bands) {
                double a = alpha ? Math.clamp(row[i + colour], 0.0, 1.0) : 1.0;
                for (int c = 0; c < colour; c++) {
                    row[i + c] = (alpha ? row[i + c] * a + bg[c] * (1 - a) : row[i + c]) * 255.0;
                }
                if (alpha) {
                    row[i + colour] *= 255.0;
                }
            }
        }
        boolean last = r.bottom() == in.height;
        int from = margin == 0 ? firstRow : Math.max(0, firstRow - 1);
        int to = margin == 0 || last ? r.bottom() : r.bottom() - 1;
        double limit = threshold + TOLERANCE;
        double[] nine = new double[9];
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = from; y < to; y++) {
            double[] mid = rows[y - r.y()];
            double[] up = rows[Math.max(y - 1, r.y()) - r.y()];
            double[] down = rows[Math.min(y + 1, r.bottom() - 1) - r.y()];
            for (int x = 0; x < w; x++) {
                boolean content = false;
                for (int b = 0; b < bands && !content; b++) {
                    double v;
                    if (margin == 0) {
                        v = mid[x * bands + b];
                    } else {
                        int left = Math.max(x - 1, 0) * bands + b, centre = x * bands + b;
                        int right = Math.min(x + 1, w - 1) * bands + b;
                        nine[0] = up[left];
                        nine[1] = up[centre];
                        nine[2] = up[right];
                        nine[3] = mid[left];
                        nine[4] = mid[centre];
                        nine[5] = mid[right];
                        nine[6] = down[left];
                        nine[7] = down[centre];
                        nine[8] = down[right];
                        v = median9(nine);
                    }
                    content = Math.abs(v - bg8[b]) > limit;
                }
                if (content) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxY < 0 ? null : new int[]{minX, minY, maxX, maxY};
    }

    /** The median of nine values (Paeth's and Devillard's exchange network: 19 compare-exchanges). */
    static double median9(double[] p) {
        sort(p, 1, 2);
        sort(p, 4, 5);
        sort(p, 7, 8);
        sort(p, 0, 1);
        sort(p, 3, 4);
        sort(p, 6, 7);
        sort(p, 1, 2);
        sort(p, 4, 5);
        sort(p, 7, 8);
        sort(p, 0, 3);
        sort(p, 5, 8);
        sort(p, 4, 7);
        sort(p, 3, 6);
        sort(p, 1, 4);
        sort(p, 2, 5);
        sort(p, 4, 7);
        sort(p, 4, 2);
        sort(p, 6, 4);
        sort(p, 4, 2);
        return p[4];
    }

    private static void sort(double[] p, int i, int j) {
        if (p[i] > p[j]) {
            double t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }
}
