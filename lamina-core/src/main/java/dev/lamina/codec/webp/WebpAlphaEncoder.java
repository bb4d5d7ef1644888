package dev.lamina.codec.webp;

import dev.lamina.codec.webp.lossless.Vp8lEncodeOptions;
import dev.lamina.codec.webp.lossless.Vp8lEncoder;

/**
 * The ALPH chunk's payload: a header byte (no pre-processing, a prediction filter, compression 1 =
 * lossless) and the alpha plane, filtered, as a headerless VP8L image stream in green (WebP
 * container specification, "Alpha"). Alpha is kept exactly.
 *
 * <p>The filter (none, horizontal, vertical, gradient) is the one whose residuals have the lowest
 * zeroth-order entropy; at effort 6 all four are compressed and the smallest kept, as
 * {@code cwebp -alpha_filter best} does.
 */
public final class WebpAlphaEncoder {
    private WebpAlphaEncoder() {
    }

    public static byte[] encode(int[] argb, int width, int height, int effort) {
        byte[] alpha = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            alpha[i] = (byte) (argb[i] >>> 24);
        }
        Vp8lEncodeOptions options = Vp8lEncodeOptions.defaults().effort(Math.min(9, effort * 3 / 2));
        byte[] best = null;
        if (effort >= 6) {
            for (int f = 0; f < 4; f++) {
                byte[] c = withHeader(f, Vp8lEncoder.encodeAlpha(filter(alpha, width, height, f), width, height, options));
                if (best == null || c.length < best.length) {
                    best = c;
                }
            }
            return best;
        }
        int filter = 0;
        double bestEntropy = Double.MAX_VALUE;
        for (int f = 0; f < 4; f++) {
            double e = entropy(filter(alpha, width, height, f));
            if (e < bestEntropy - 1e-9) {
                bestEntropy = e;
                filter = f;
            }
        }
        return withHeader(filter, Vp8lEncoder.encodeAlpha(filter(alpha, width, height, filter), width, height, options));
    }

    private static byte[] withHeader(int filter, byte[] stream) {
        byte[] out = new byte[stream.length + 1];
        out[0] = (byte) ((filter << 2) | 1);
        System.arraycopy(stream, 0, out, 1, stream.length);
        return out;
    }

    /**
     * The residuals of filter {@code f}: the container specification's predictors, with its edge
     * rules (the first pixel predicted by 0, the left column by the pixel above, the top row by
     * the pixel to the left).
     */
    static byte[] filter(byte[] a, int w, int h, int f) {
        if (f == 0) {
            return a;
        }
        byte[] out = new byte[a.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int pred;
                if (x == 0 && y == 0) {
                    pred = 0;
                } else if (y == 0) {
                    pred = a[i - 1] & 0xff;
                } else if (x == 0) {
                    pred = a[i - w] & 0xff;
                } else {
                    int left = a[i - 1] & 0xff;
                    int top = a[i - w] & 0xff;
                    int topLeft = a[i - w - 1] & 0xff;
                    pred = switch (f) {
                        case 1 -> left;
                        case 2 -> top;
                        default -> Math.max(0, Math.min(255, left + top - topLeft));
                    };
                }
                out[i] = (byte) ((a[i] & 0xff) - pred);
            }
        }
        return out;
    }

    private static double entropy(byte[] v) {
        int[] h = new int[256];
        for (byte b : v) {
            h[b & 0xff]++;
        }
        double e = 0;
        for (int c : h) {
            if (c > 0) {
                e -= c * Math.log((double) c / v.length);
            }
        }
        return e;
    }
}
