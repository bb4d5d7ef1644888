package dev.lamina.reference.geometry;

import dev.lamina.model.Kernel;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.ReferenceSamples;
import dev.lamina.reference.resample.ResizeReference;

/**
 * The affine transform by definition, in float64, computed another way than the engine: for each
 * output pixel its centre is mapped back by solving the 2x2 system (Cramer's rule), the full 2-D
 * kernel window around it is summed pixel by pixel with 2-D weights (the kernels from their
 * published formulas, {@link ResizeReference#kernelAt}), straight alpha multiplied in per sample
 * and divided out at the end, and the edge coverage is the area of the pixel's square inside the
 * transformed image, clipped in output space (the engine clips in input space). Slow and obvious.
 *
 * <p>The model it pins down: pixel (i, j) is the unit square at (i, j) in both images. The sample
 * position {@code (u, v) = p - 0.5} of an output centre's preimage {@code p} is clamped to the
 * image's extent {@code [-0.5, w - 0.5] x [-0.5, h - 0.5]}; the window holds every input pixel
 * within {@code support x stretch} of it along each axis, where
 * {@code stretch = max(1, 1 / |M e_axis|)}; weights are renormalised over the window. The result
 * is {@code coverage x sample + (1 - coverage) x background} in premultiplied values, alpha at or
 * below 1e-9 is transparent black, alpha is clamped to 1. NEAREST copies the pixel whose square
 * holds the preimage of the centre, or the background.
 */
public final class AffineReference {

    private AffineReference() {
    }

    /**
     * @param m          {a, b, c, d, tx, ty}: X = a x + b y + tx, Y = c x + d y + ty
     * @param area       {left, top, width, height} in output space
     * @param background straight, normalised, in {@code in}'s layout
     */
    public static Region affine(Region in, double[] m, Kernel kernel, int[] area, double[] background) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        boolean alpha = ReferenceSamples.hasAlpha(bands);
        double a = m[0], b = m[1], c = m[2], d = m[3], tx = m[4], ty = m[5];
        double det = a * d - b * c;
        double stretchX = Math.max(1.0, 1.0 / Math.sqrt(a * a + c * c));
        double stretchY = Math.max(1.0, 1.0 / Math.sqrt(b * b + d * d));
        double reachX = kernel.support * stretchX, reachY = kernel.support * stretchY;
        double[] bgPremultiplied = background.clone();
        if (alpha) {
            for (int k = 0; k < bands - 1; k++) {
                bgPremultiplied[k] *= background[bands - 1];
            }
        }
        double[][] corners = {{tx, ty}, {a * w + tx, c * w + ty}, {a * w + b * h + tx, c * w + d * h + ty},
                {b * h + tx, d * h + ty}};
        Region out = ReferenceSamples.allocate(area[2], area[3], bands, in.format);
        double[] sum = new double[bands];
        for (int oy = 0; oy < area[3]; oy++) {
            for (int ox = 0; ox < area[2]; ox++) {
                double cx = area[0] + ox + 0.5 - tx, cy = area[1] + oy + 0.5 - ty;
                double px = (cx * d - b * cy) / det;
                double py = (a * cy - c * cx) / det;
                if (kernel == Kernel.NEAREST) {
                    double fx = Math.floor(px + 1e-9), fy = Math.floor(py + 1e-9);   // an edge belongs to the pixel after it
                    boolean inside = fx >= 0 && fy >= 0 && fx < w && fy < h;
                    for (int k = 0; k < bands; k++) {
                        ReferenceSamples.put(out, ox, oy, k, inside ? in.sample((int) fx, (int) fy, k) : background[k]);
                    }
                    continue;
                }
                double coverage = coverage(corners, area[0] + ox, area[1] + oy);
                java.util.Arrays.fill(sum, 0);
                if (coverage > 0) {
                    double u = Math.max(-0.5, Math.min(w - 0.5, px - 0.5));
                    double v = Math.max(-0.5, Math.min(h - 0.5, py - 0.5));
                    double total = 0;
                    for (int j = 0; j < h; j++) {
                        if (Math.abs(j - v) > reachY) {
                            continue;
                        }
                        for (int i = 0; i < w; i++) {
                            if (Math.abs(i - u) > reachX) {
                                continue;
                            }
                            double weight = ResizeReference.kernelAt(kernel, (i - u) / stretchX)
                                    * ResizeReference.kernelAt(kernel, (j - v) / stretchY);
                            double opacity = alpha ? in.sample(i, j, bands - 1) : 1.0;
                            for (int k = 0; k < bands; k++) {
                                boolean isAlpha = alpha && k == bands - 1;
                                sum[k] += weight * (isAlpha ? opacity : in.sample(i, j, k) * opacity);
                            }
                            total += weight;
                        }
                    }
                    for (int k = 0; k < bands; k++) {
                        sum[k] /= total;
                    }
                }
                for (int k = 0; k < bands; k++) {
                    sum[k] = coverage * sum[k] + (1 - coverage) * bgPremultiplied[k];
                }
                if (alpha) {
                    double op = sum[bands - 1];
                    for (int k = 0; k < bands - 1; k++) {
                        sum[k] = op > 1e-9 ? sum[k] / op : 0.0;
                    }
                    sum[bands - 1] = op > 1e-9 ? Math.min(1.0, op) : 0.0;
                }
                for (int k = 0; k < bands; k++) {
                    ReferenceSamples.put(out, ox, oy, k, sum[k]);
                }
            }
        }
        return out;
    }

    /**
     * The area of the unit square at (x0, y0) inside the polygon {@code corners}, by clipping the
     * polygon to the square's four sides and the shoelace formula.
     */
    static double coverage(double[][] corners, double x0, double y0) {
        java.util.List<double[]> poly = new java.util.ArrayList<>();
        for (double[] p : corners) {
            poly.add(new double[]{p[0] - x0, p[1] - y0});
        }
        poly = clip(poly, 0, false);   // x >= 0
        poly = clip(poly, 0, true);    // y >= 0
        poly = clip(poly, 1, false);   // x <= 1
        poly = clip(poly, 1, true);    // y <= 1
        double twice = 0;
        for (int i = 0; i < poly.size(); i++) {
            double[] p = poly.get(i), q = poly.get((i + 1) % poly.size());
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return Math.min(1.0, Math.abs(twice) / 2);
    }

    /** Keeps the part of the polygon on the square's side of the line {@code coordinate = edge}. */
    private static java.util.List<double[]> clip(java.util.List<double[]> poly, double edge, boolean vertical) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        int axis = vertical ? 1 : 0;
        for (int i = 0; i < poly.size(); i++) {
            double[] p = poly.get(i), q = poly.get((i + 1) % poly.size());
            boolean pIn = edge == 0 ? p[axis] >= 0 : p[axis] <= 1;
            boolean qIn = edge == 0 ? q[axis] >= 0 : q[axis] <= 1;
            if (pIn) {
                out.add(p);
            }
            if (pIn != qIn) {
                double t = (edge - p[axis]) / (q[axis] - p[axis]);
                out.add(new double[]{p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
            }
        }
        return out;
    }

    /** The default output area: the transformed corners' bounding box, rounded outwards (1e-9 snaps to integers). */
    public static int[] bounds(double[] m, int w, int h) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int[] corner : new int[][]{{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            double x = m[0] * corner[0] + m[1] * corner[1] + m[4], y = m[2] * corner[0] + m[3] * corner[1] + m[5];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int left = (int) Math.floor(minX + 1e-9), top = (int) Math.floor(minY + 1e-9);
        int right = Math.max(left + 1, (int) Math.ceil(maxX - 1e-9));
        int bottom = Math.max(top + 1, (int) Math.ceil(maxY - 1e-9));
        return new int[]{left, top, right - left, bottom - top};
    }

    /** The matrix {a, b, c, d, tx, ty} and area of a clockwise rotation about the centre (see Affine.rotation). */
    public static double[][] rotation(int w, int h, double degrees) {
        double r = Math.toRadians(degrees % 360.0);
        double cos = Math.cos(r), sin = Math.sin(r);
        double ow = Math.max(1, Math.ceil(Math.abs(cos) * w + Math.abs(sin) * h - 1e-9));
        double oh = Math.max(1, Math.ceil(Math.abs(sin) * w + Math.abs(cos) * h - 1e-9));
        // the image's centre (w/2, h/2) goes to the output's (ow/2, oh/2)
        double tx = ow / 2 - (cos * w / 2 - sin * h / 2);
        double ty = oh / 2 - (sin * w / 2 + cos * h / 2);
        return new double[][]{{cos, -sin, sin, cos, tx, ty}, {0, 0, ow, oh}};
    }
}
