package dev.lamina.codec.jpeg;

/**
 * Forward DCT and quantisation bit for bit as libjpeg 6b (jfdctint.c "islow", jcdctmgr.c), which
 * the JDK's ImageIO writer uses: at the same quality our coefficients, and so our PSNR and (with
 * the same Huffman tables) our entropy-coded size, are the JDK's. The division by the quantiser is
 * done by multiplying with a 32-bit reciprocal, exact for every dividend the DCT can produce
 * (below 2^16, divisors below 2^11).
 */
final class ForwardDct {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    private final int[] ws = new int[64];

    /** Divisors (quantiser x 8, as the islow DCT output is scaled by 8) and their reciprocals. */
    static final class Divisors {
        final int[] half = new int[64];
        final long[] recip = new long[64];

        Divisors(int[] quant) {
            for (int i = 0; i < 64; i++) {
                int d = quant[i] * 8;
                half[i] = d >> 1;
                recip[i] = ((1L << 32) + d - 1) / d;
            }
        }
    }

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    /**
     * DCT of the 8x8 samples at {@code in[p]} (row stride {@code stride}), quantised into
     * {@code out[o]} in zig-zag order. Returns the block's non-zero map: bit k set when the coefficient at zig-zag
     * position k is not zero, so the Huffman coder jumps from one to the next.
     */
    long forward(byte[] in, int p, int stride, Divisors div, short[] out, int o) {
        int[] d = ws;
        for (int r = 0; r < 8; r++) {
            int s = p + r * stride;
            int e = r * 8;
            int s0 = (in[s] & 0xFF) - 128;
            int s1 = (in[s + 1] & 0xFF) - 128;
            int s2 = (in[s + 2] & 0xFF) - 128;
            int s3 = (in[s + 3] & 0xFF) - 128;
            int s4 = (in[s + 4] & 0xFF) - 128;
            int s5 = (in[s + 5] & 0xFF) - 128;
            int s6 = (in[s + 6] & 0xFF) - 128;
            int s7 = (in[s + 7] & 0xFF) - 128;
            int tmp0 = s0 + s7;
            int tmp7 = s0 - s7;
            int tmp1 = s1 + s6;
            int tmp6 = s1 - s6;
            int tmp2 = s2 + s5;
            int tmp5 = s2 - s5;
            int tmp3 = s3 + s4;
            int tmp4 = s3 - s4;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            d[e] = (tmp10 + tmp11) << PASS1_BITS;
            d[e + 4] = (tmp10 - tmp11) << PASS1_BITS;
            int z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[e + 2] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS - PASS1_BITS);
            d[e + 6] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS - PASS1_BITS);
            z1 = tmp4 + tmp7;
            int z2 = tmp5 + tmp6;
            int z3 = tmp4 + tmp6;
            int z4 = tmp5 + tmp7;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp4 *= FIX_0_298631336;
            tmp5 *= FIX_2_053119869;
            tmp6 *= FIX_3_072711026;
            tmp7 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            d[e + 7] = descale(tmp4 + z1 + z3, CONST_BITS - PASS1_BITS);
            d[e + 5] = descale(tmp5 + z2 + z4, CONST_BITS - PASS1_BITS);
            d[e + 3] = descale(tmp6 + z2 + z3, CONST_BITS - PASS1_BITS);
            d[e + 1] = descale(tmp7 + z1 + z4, CONST_BITS - PASS1_BITS);
        }
        int[] half = div.half;
        long[] recip = div.recip;
        for (int c = 0; c < 8; c++) {
            int tmp0 = d[c] + d[c + 56];
            int tmp7 = d[c] - d[c + 56];
            int tmp1 = d[c + 8] + d[c + 48];
            int tmp6 = d[c + 8] - d[c + 48];
            int tmp2 = d[c + 16] + d[c + 40];
            int tmp5 = d[c + 16] - d[c + 40];
            int tmp3 = d[c + 24] + d[c + 32];
            int tmp4 = d[c + 24] - d[c + 32];
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            d[c] = descale(tmp10 + tmp11, PASS1_BITS);
            d[c + 32] = descale(tmp10 - tmp11, PASS1_BITS);
            int z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[c + 16] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS + PASS1_BITS);
            d[c + 48] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS + PASS1_BITS);
            z1 = tmp4 + tmp7;
            int z2 = tmp5 + tmp6;
            int z3 = tmp4 + tmp6;
            int z4 = tmp5 + tmp7;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp4 *= FIX_0_298631336;
            tmp5 *= FIX_2_053119869;
            tmp6 *= FIX_3_072711026;
            tmp7 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            d[c + 56] = descale(tmp4 + z1 + z3, CONST_BITS + PASS1_BITS);
            d[c + 40] = descale(tmp5 + z2 + z4, CONST_BITS + PASS1_BITS);
            d[c + 24] = descale(tmp6 + z2 + z3, CONST_BITS + PASS1_BITS);
            d[c + 8] = descale(tmp7 + z1 + z4, CONST_BITS + PASS1_BITS);
        }
        // quantise in zig-zag order: blocks are stored that way, and the non-zero map is built
        // with the loop counter as the bit number
        int[] zz = ZigZag.NATURAL;
        long mask = 0;
        for (int k = 0; k < 64; k++) {
            int nat = zz[k];
            short q = quantise(d[nat], half[nat], recip[nat]);
            out[o + k] = q;
            mask |= (long) ((q | -q) >>> 31) << k;
        }
        return mask;
    }

    /**
     * libjpeg's quantiser: |t| / q rounded half up, sign restored; branch-free (the signs of AC
     * coefficients are random, a branch would be mispredicted half the time).
     */
    private static short quantise(int t, int half, long recip) {
        int sign = t >> 31;
        long a = (t ^ sign) - sign + half;
        int q = (int) ((a * recip) >>> 32);
        return (short) ((q ^ sign) - sign);
    }
}
