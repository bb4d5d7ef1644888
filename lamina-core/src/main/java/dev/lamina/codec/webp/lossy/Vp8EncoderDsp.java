package dev.lamina.codec.webp.lossy;

/**
 * The VP8 encoder's arithmetic kernels, integer-exact as libwebp's (src/dsp/enc.c, dec.c): the
 * forward 4x4 DCT and Walsh-Hadamard transforms, the inverse ones that rebuild what the decoder
 * will see (they must match the decoder bit for bit, or prediction drifts), quantisation, and the
 * distortion measures of the mode decision. Blocks are int arrays with an offset and a stride.
 * An instance holds the transforms' scratch, so each thread of work has its own.
 */
final class Vp8EncoderDsp {
    private static final int C1 = 20091;   // cos(pi/8) * sqrt(2) - 1, in 1/65536
    private static final int C2 = 35468;   // sin(pi/8) * sqrt(2), in 1/65536
    static final int QFIX = 17;
    static final int MAX_LEVEL = 2047;

    /** Scratch of the transforms: one instance per thread of work. */
    private final int[] tmp = new int[16];


    /** Forward DCT of {@code src - ref} (4x4) into {@code out[oo..oo+15]}, natural order. */
    void fdct(int[] src, int so, int ss, int[] ref, int ro, int rs, int[] out, int oo) {
        int[] tmp = this.tmp;
        for (int i = 0; i < 4; i++, so += ss, ro += rs) {
            int d0 = src[so] - ref[ro];
            int d1 = src[so + 1] - ref[ro + 1];
            int d2 = src[so + 2] - ref[ro + 2];
            int d3 = src[so + 3] - ref[ro + 3];
            int a0 = d0 + d3;
            int a1 = d1 + d2;
            int a2 = d1 - d2;
            int a3 = d0 - d3;
            tmp[i * 4] = (a0 + a1) * 8;
            tmp[1 + i * 4] = (a2 * 2217 + a3 * 5352 + 1812) >> 9;
            tmp[2 + i * 4] = (a0 - a1) * 8;
            tmp[3 + i * 4] = (a3 * 2217 - a2 * 5352 + 937) >> 9;
        }
        for (int i = 0; i < 4; i++) {
            int a0 = tmp[i] + tmp[12 + i];
            int a1 = tmp[4 + i] + tmp[8 + i];
            int a2 = tmp[4 + i] - tmp[8 + i];
            int a3 = tmp[i] - tmp[12 + i];
            out[oo + i] = (a0 + a1 + 7) >> 4;
            out[oo + 4 + i] = ((a2 * 2217 + a3 * 5352 + 12000) >> 16) + (a3 != 0 ? 1 : 0);
            out[oo + 8 + i] = (a0 - a1 + 7) >> 4;
            out[oo + 12 + i] = (a3 * 2217 - a2 * 5352 + 51000) >> 16;
        }
    }

    /** Forward WHT of the 16 luma DCs ({@code dc[n]} of block n, raster order) into {@code out}. */
    void fwht(int[] dc, int[] out) {
        int[] tmp = this.tmp;
        for (int i = 0; i < 4; i++) {
            int a0 = dc[i * 4] + dc[i * 4 + 2];
            int a1 = dc[i * 4 + 1] + dc[i * 4 + 3];
            int a2 = dc[i * 4 + 1] - dc[i * 4 + 3];
            int a3 = dc[i * 4] - dc[i * 4 + 2];
            tmp[i * 4] = a0 + a1;
            tmp[1 + i * 4] = a3 + a2;
            tmp[2 + i * 4] = a3 - a2;
            tmp[3 + i * 4] = a0 - a1;
        }
        for (int i = 0; i < 4; i++) {
            int a0 = tmp[i] + tmp[8 + i];
            int a1 = tmp[4 + i] + tmp[12 + i];
            int a2 = tmp[4 + i] - tmp[12 + i];
            int a3 = tmp[i] - tmp[8 + i];
            out[i] = (a0 + a1) >> 1;
            out[4 + i] = (a3 + a2) >> 1;
            out[8 + i] = (a3 - a2) >> 1;
            out[12 + i] = (a0 - a1) >> 1;
        }
    }

    /** Inverse WHT as the decoder does it: dequantised {@code in} to the 16 blocks' DCs. */
    void iwht(int[] in, int[] dc) {
        int[] tmp = this.tmp;
        for (int i = 0; i < 4; i++) {
            int a0 = in[i] + in[12 + i];
            int a1 = in[4 + i] + in[8 + i];
            int a2 = in[4 + i] - in[8 + i];
            int a3 = in[i] - in[12 + i];
            tmp[i] = a0 + a1;
            tmp[8 + i] = a0 - a1;
            tmp[4 + i] = a3 + a2;
            tmp[12 + i] = a3 - a2;
        }
        for (int i = 0; i < 4; i++) {
            int d = tmp[i * 4] + 3;
            int a0 = d + tmp[3 + i * 4];
            int a1 = tmp[1 + i * 4] + tmp[2 + i * 4];
            int a2 = tmp[1 + i * 4] - tmp[2 + i * 4];
            int a3 = d - tmp[3 + i * 4];
            dc[i * 4] = (a0 + a1) >> 3;
            dc[i * 4 + 1] = (a3 + a2) >> 3;
            dc[i * 4 + 2] = (a0 - a1) >> 3;
            dc[i * 4 + 3] = (a3 - a2) >> 3;
        }
    }

    private static int mul1(int a) {
        return ((a * C1) >> 16) + a;
    }

    private static int mul2(int a) {
        return (a * C2) >> 16;
    }

    /** Inverse DCT of dequantised {@code in} added to the prediction {@code ref}, clipped, into {@code dst}. */
    void idctAdd(int[] ref, int ro, int rs, int[] in, int io, int[] dst, int dOff, int ds) {
        int[] c = this.tmp;
        for (int i = 0; i < 4; i++) {
            int a = in[io + i] + in[io + 8 + i];
            int b = in[io + i] - in[io + 8 + i];
            int cc = mul2(in[io + 4 + i]) - mul1(in[io + 12 + i]);
            int d = mul1(in[io + 4 + i]) + mul2(in[io + 12 + i]);
            c[i * 4] = a + d;
            c[i * 4 + 1] = b + cc;
            c[i * 4 + 2] = b - cc;
            c[i * 4 + 3] = a - d;
        }
        for (int i = 0; i < 4; i++) {
            int dc = c[i] + 4;
            int a = dc + c[8 + i];
            int b = dc - c[8 + i];
            int cc = mul2(c[4 + i]) - mul1(c[12 + i]);
            int d = mul1(c[4 + i]) + mul2(c[12 + i]);
            int r = ro + i * rs;
            int o = dOff + i * ds;
            dst[o] = clip8(ref[r] + ((a + d) >> 3));
            dst[o + 1] = clip8(ref[r + 1] + ((b + cc) >> 3));
            dst[o + 2] = clip8(ref[r + 2] + ((b - cc) >> 3));
            dst[o + 3] = clip8(ref[r + 3] + ((a - d) >> 3));
        }
    }

    static int clip8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Quantises the 16 coefficients {@code in[io..]} (natural order) with {@code m}: the levels go
     * to {@code out[oo..]} in zigzag order and {@code in} is left holding the dequantised values
     * the decoder will reconstruct from. Returns whether any level is non-zero.
     */
    static boolean quantize(int[] in, int io, int[] out, int oo, Vp8Matrix m) {
        boolean nz = false;
        for (int n = 0; n < 16; n++) {
            int j = Vp8EncoderTables.ZIGZAG[n];
            int v = in[io + j];
            boolean sign = v < 0;
            int coeff = (sign ? -v : v) + m.sharpen[j];
            if (coeff > m.zthresh[j]) {
                int level = (int) (((long) coeff * m.iq[j] + m.bias[j]) >> QFIX);
                if (level > MAX_LEVEL) {
                    level = MAX_LEVEL;
                }
                if (sign) {
                    level = -level;
                }
                in[io + j] = level * m.q[j];
                out[oo + n] = level;
                nz |= level != 0;
            } else {
                out[oo + n] = 0;
                in[io + j] = 0;
            }
        }
        return nz;
    }

    /** Sum of squared differences over a {@code w x h} block. */
    static int sse(int[] a, int ao, int as, int[] b, int bo, int bs, int w, int h) {
        int sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int d = a[ao + x] - b[bo + x];
                sum += d * d;
            }
            ao += as;
            bo += bs;
        }
        return sum;
    }

    /**
     * The weighted Hadamard energy of a 4x4 block. The spectral distortion of a reconstruction is
     * the difference of its energy and the source's, over 32 (libwebp's "TDisto"): it keeps
     * texture that plain SSE would let the quantiser flatten. The source's is computed once.
     */
    int ttransform(int[] in, int o, int s, int[] w) {
        int[] tmp = this.tmp;
        for (int i = 0; i < 4; i++, o += s) {
            int a0 = in[o] + in[o + 2];
            int a1 = in[o + 1] + in[o + 3];
            int a2 = in[o + 1] - in[o + 3];
            int a3 = in[o] - in[o + 2];
            tmp[i * 4] = a0 + a1;
            tmp[1 + i * 4] = a3 + a2;
            tmp[2 + i * 4] = a3 - a2;
            tmp[3 + i * 4] = a0 - a1;
        }
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            int a0 = tmp[i] + tmp[8 + i];
            int a1 = tmp[4 + i] + tmp[12 + i];
            int a2 = tmp[4 + i] - tmp[12 + i];
            int a3 = tmp[i] - tmp[8 + i];
            sum += w[i] * Math.abs(a0 + a1);
            sum += w[4 + i] * Math.abs(a3 + a2);
            sum += w[8 + i] * Math.abs(a3 - a2);
            sum += w[12 + i] * Math.abs(a0 - a1);
        }
        return sum;
    }

    /** The spectral distortion summed over a 16x16 block, with the source's 16 energies given. */
    int tdisto16x16(int[] srcEnergy, int[] b, int[] w) {
        int d = 0;
        for (int n = 0; n < 16; n++) {
            int off = (n >> 2) * 64 + (n & 3) * 4;
            d += Math.abs(ttransform(b, off, 16, w) - srcEnergy[n]) >> 5;
        }
        return d;
    }
}
