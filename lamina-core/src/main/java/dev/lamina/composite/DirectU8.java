package dev.lamina.composite;

import dev.lamina.core.Rounding;

/**
 * Byte-to-byte paths for the common 8-bit cases, which skip the double accumulator: copying base
 * rows that no layer touches, and drawing one RGBA layer over an RGB or RGBA base with
 * {@code over} (the watermark case), at full opacity, or at any opacity on an opaque base.
 *
 * <p>At full opacity they are exact, not approximations: each output is the correctly rounded
 * value of the formula over the exact 8-bit inputs, computed in integers. Below full opacity the
 * weights are fixed point with 40 bits (see {@link #opacityWeights}). With 8-bit alpha the results are
 * ratios of integers, and the integer expressions below round them half up, as
 * {@link dev.lamina.core.Rounding} does; {@code CompositeOpTest} checks them against the float64
 * reference.
 */
final class DirectU8 {
    private DirectU8() {
    }

    /** Copies {@code n} pixels of a base row into an output row of another band layout. */
    @FunctionalInterface
    interface RowCopier {
        void copy(byte[] src, int si, byte[] dst, int di, int n);
    }

    /**
     * The copier for an 8-bit base into an 8-bit output, or null when this layout pair takes the
     * general path. The base's colour bands must already match the output's.
     */
    static RowCopier baseCopier(int baseBands, boolean baseAlpha, int outBands) {
        if (baseBands == outBands) {
            if (!baseAlpha) {
                return (s, si, d, di, n) -> System.arraycopy(s, si, d, di, n * outBands);
            }
            return outBands == 4 ? DirectU8::copyRgba : DirectU8::copyGreyAlpha;
        }
        if (!baseAlpha && outBands == baseBands + 1) {
            return outBands == 4 ? DirectU8::rgbToRgba : DirectU8::greyToGreyAlpha;
        }
        return null;
    }

    /** Straight copy, except that transparent pixels get colour 0 (the output rule). */
    private static void copyRgba(byte[] s, int si, byte[] d, int di, int n) {
        System.arraycopy(s, si, d, di, n * 4);
        for (int i = di, end = di + n * 4; i < end; i += 4) {
            if (d[i + 3] == 0) {
                d[i] = 0;
                d[i + 1] = 0;
                d[i + 2] = 0;
            }
        }
    }

    private static void copyGreyAlpha(byte[] s, int si, byte[] d, int di, int n) {
        System.arraycopy(s, si, d, di, n * 2);
        for (int i = di, end = di + n * 2; i < end; i += 2) {
            if (d[i + 1] == 0) {
                d[i] = 0;
            }
        }
    }

    private static void rgbToRgba(byte[] s, int si, byte[] d, int di, int n) {
        for (int i = 0; i < n; i++, si += 3, di += 4) {
            d[di] = s[si];
            d[di + 1] = s[si + 1];
            d[di + 2] = s[si + 2];
            d[di + 3] = (byte) 255;
        }
    }

    private static void greyToGreyAlpha(byte[] s, int si, byte[] d, int di, int n) {
        for (int i = 0; i < n; i++, si++, di += 2) {
            d[di] = s[si];
            d[di + 1] = (byte) 255;
        }
    }

    /** Draws {@code n} layer pixels over base pixels into output pixels (layouts: see {@link #overKernel}). */
    @FunctionalInterface
    interface OverKernel {
        void over(byte[] base, int bi, byte[] layer, int li, byte[] out, int oi, int n);
    }

    /**
     * The over kernel for an RGBA layer at {@code opacity} on an RGB (opaque) or RGBA base, or for
     * an opaque RGB layer at full opacity on an RGB base (over is then the layer's pixels exactly:
     * S + D(1 - 1) = S; the tiles of a collage), or null for the layouts and opacities that take
     * the general path (an RGBA base below opacity 1, an RGB layer below opacity 1, grey).
     */
    static OverKernel overKernel(int baseBands, int layerBands, int outBands, double opacity) {
        if (layerBands == 3 && outBands == 3 && baseBands == 3 && opacity == 1.0) {
            return (base, bi, layer, li, out, oi, n) -> System.arraycopy(layer, li, out, oi, 3 * n);
        }
        if (layerBands != 4 || outBands != 4) {
            return null;
        }
        if (opacity != 1.0) {
            if (baseBands != 3) {
                return null;
            }
            long[] weights = opacityWeights(opacity);
            return (base, bi, layer, li, out, oi, n) -> overOpaqueBase(weights, base, bi, layer, li, out, oi, n);
        }
        return switch (baseBands) {
            case 3 -> DirectU8::overOpaqueBase;
            case 4 -> DirectU8::overRgbaBase;
            default -> null;
        };
    }

    /** Fixed-point bits of the opacity weights: 40, so alpha is held to 2^-41 and products fit a long. */
    private static final int WEIGHT_BITS = 40;
    /**
     * Half a level plus Rounding's tie tolerance, in weight units: the same rule as every other
     * integer output (nearest, halves up, values within 1e-7 of a half count as halves).
     */
    private static final long ROUNDING_BIAS = (1L << (WEIGHT_BITS - 1)) + Math.round(Rounding.TIE_TOLERANCE * (1L << WEIGHT_BITS));

    /**
     * The layer's effective alpha as·opacity/255 for every as, in units of 2^-40, rounded to
     * nearest. Its error of at most 2^-41 moves a result by at most 255·2^-41 (1.2e-10) of a level,
     * far inside Rounding's 1e-7 tie tolerance: exact halves (frequent: at opacity 0.5 a layer of
     * alpha 85 weighs exactly 1/6) round up as the reference rounds them, and an output can only
     * differ from the correctly rounded one where the exact value lies within about 1e-10 of that
     * tolerance's edge.
     */
    private static long[] opacityWeights(double opacity) {
        long[] w = new long[256];
        for (int as = 0; as < 256; as++) {
            w[as] = Math.round(as / 255.0 * opacity * (1L << WEIGHT_BITS));
        }
        return w;
    }

    /**
     * Over an opaque base with a layer opacity: the colour is S·α + D·(1 - α) with α from the
     * weight table, in long arithmetic (255·2^40 fits with room to spare).
     */
    private static void overOpaqueBase(long[] weights, byte[] base, int bi, byte[] layer, int li, byte[] out, int oi,
                                       int n) {
        final long one = 1L << WEIGHT_BITS;
        for (int i = 0; i < n; i++, bi += 3, li += 4, oi += 4) {
            long ws = weights[layer[li + 3] & 0xFF];
            long wb = one - ws;
            out[oi] = (byte) (((layer[li] & 0xFF) * ws + (base[bi] & 0xFF) * wb + ROUNDING_BIAS) >>> WEIGHT_BITS);
            out[oi + 1] = (byte) (((layer[li + 1] & 0xFF) * ws + (base[bi + 1] & 0xFF) * wb + ROUNDING_BIAS) >>> WEIGHT_BITS);
            out[oi + 2] = (byte) (((layer[li + 2] & 0xFF) * ws + (base[bi + 2] & 0xFF) * wb + ROUNDING_BIAS) >>> WEIGHT_BITS);
            out[oi + 3] = (byte) 255;
        }
    }

    /**
     * Over an opaque base: αo = 1 and the colour is (as·S + (255 - as)·D) / 255 in 8-bit units.
     * The numerator is an integer and 255 is odd, so the quotient is never a half: adding 127
     * before the integer division rounds to nearest exactly.
     */
    private static void overOpaqueBase(byte[] base, int bi, byte[] layer, int li, byte[] out, int oi, int n) {
        for (int i = 0; i < n; i++, bi += 3, li += 4, oi += 4) {
            int as = layer[li + 3] & 0xFF;
            if (as == 255) {
                out[oi] = layer[li];
                out[oi + 1] = layer[li + 1];
                out[oi + 2] = layer[li + 2];
            } else if (as == 0) {
                out[oi] = base[bi];
                out[oi + 1] = base[bi + 1];
                out[oi + 2] = base[bi + 2];
            } else {
                int ab = 255 - as;
                out[oi] = (byte) (((layer[li] & 0xFF) * as + (base[bi] & 0xFF) * ab + 127) / 255);
                out[oi + 1] = (byte) (((layer[li + 1] & 0xFF) * as + (base[bi + 1] & 0xFF) * ab + 127) / 255);
                out[oi + 2] = (byte) (((layer[li + 2] & 0xFF) * as + (base[bi + 2] & 0xFF) * ab + 127) / 255);
            }
            out[oi + 3] = (byte) 255;
        }
    }

    /**
     * Over a base with alpha, in units of 1/255²: den = 255·as + ab·(255 - as) is αo, and the colour
     * is num / den with num = 255·as·S + ab·(255 - as)·D. Alpha den / 255 is never a half (255 is
     * odd); the colour can be an exact half, which (2·num + den) / (2·den) rounds up like
     * Rounding does, and otherwise lies at least 1 / (2·den) from one.
     */
    private static void overRgbaBase(byte[] base, int bi, byte[] layer, int li, byte[] out, int oi, int n) {
        for (int i = 0; i < n; i++, bi += 4, li += 4, oi += 4) {
            int as = layer[li + 3] & 0xFF;
            int ab = base[bi + 3] & 0xFF;
            if (as == 255 || ab == 0) {
                if (as == 0) {
                    out[oi] = 0;     // both transparent: colour 0
                    out[oi + 1] = 0;
                    out[oi + 2] = 0;
                    out[oi + 3] = 0;
                } else {
                    out[oi] = layer[li];
                    out[oi + 1] = layer[li + 1];
                    out[oi + 2] = layer[li + 2];
                    out[oi + 3] = (byte) as;
                }
            } else if (as == 0) {
                out[oi] = base[bi];
                out[oi + 1] = base[bi + 1];
                out[oi + 2] = base[bi + 2];
                out[oi + 3] = (byte) ab;
            } else {
                int wb = ab * (255 - as);           // weight of the base colour, x 255
                int ws = 255 * as;                  // weight of the layer colour, x 255
                int den = ws + wb;
                int den2 = 2 * den;
                out[oi] = (byte) ((2 * ((layer[li] & 0xFF) * ws + (base[bi] & 0xFF) * wb) + den) / den2);
                out[oi + 1] = (byte) ((2 * ((layer[li + 1] & 0xFF) * ws + (base[bi + 1] & 0xFF) * wb) + den) / den2);
                out[oi + 2] = (byte) ((2 * ((layer[li + 2] & 0xFF) * ws + (base[bi + 2] & 0xFF) * wb) + den) / den2);
                out[oi + 3] = (byte) ((den + 127) / 255);
            }
        }
    }
}
