package dev.lamina.codec.webp.lossy;

/**
 * VP8's inverse transforms (RFC 6386, section 14.3 and 14.4) in libwebp's integer form
 * ({@code src/dsp/dec.c}): the 4x4 inverse DCT added to a predicted block, its shortcuts for
 * blocks with only a DC or only the first three coefficients (exactly equal to the full transform
 * for such blocks), and the inverse Walsh-Hadamard transform of the second-order luma DC block.
 * Blocks live in a work buffer with a fixed stride of {@link #BPS}.
 */
final class Vp8Idct {
    static final int BPS = 32;

    private Vp8Idct() {
    }

    private static int mul1(int a) {   // a * sqrt(2) * cos(pi/8), as 20091/65536 + 1
        return ((a * 20091) >> 16) + a;
    }

    private static int mul2(int a) {   // a * sqrt(2) * sin(pi/8), as 35468/65536
        return (a * 35468) >> 16;
    }

    private static void store(byte[] dst, int at, int v) {
        int p = (dst[at] & 0xFF) + (v >> 3);
        dst[at] = (byte) (p < 0 ? 0 : Math.min(p, 255));
    }

    /**
     * The full inverse DCT of {@code in[off, off + 16)} added to the 4x4 block at {@code dst[at]};
     * {@code c} is 16 ints of scratch (the caller's, so nothing is allocated per block).
     */
    static void transform(short[] in, int off, byte[] dst, int at, int[] c) {
        for (int i = 0; i < 4; i++) {   // vertical pass
            int i0 = in[off + i];
            int i4 = in[off + 4 + i];
            int i8 = in[off + 8 + i];
            int i12 = in[off + 12 + i];
            int a = i0 + i8;
            int b = i0 - i8;
            int cc = mul2(i4) - mul1(i12);
            int d = mul1(i4) + mul2(i12);
            c[i * 4] = a + d;
            c[i * 4 + 1] = b + cc;
            c[i * 4 + 2] = b - cc;
            c[i * 4 + 3] = a - d;
        }
        for (int i = 0; i < 4; i++) {   // horizontal pass, with the rounding bias in the DC
            int dc = c[i] + 4;
            int a = dc + c[8 + i];
            int b = dc - c[8 + i];
            int cc = mul2(c[4 + i]) - mul1(c[12 + i]);
            int d = mul1(c[4 + i]) + mul2(c[12 + i]);
            int row = at + i * BPS;
            store(dst, row, a + d);
            store(dst, row + 1, b + cc);
            store(dst, row + 2, b - cc);
            store(dst, row + 3, a - d);
        }
    }

    /** A block whose only non-zero coefficients are 0, 1 and 4. */
    static void transformAc3(short[] in, int off, byte[] dst, int at) {
        int a = in[off] + 4;
        int c4 = mul2(in[off + 4]);
        int d4 = mul1(in[off + 4]);
        int c1 = mul2(in[off + 1]);
        int d1 = mul1(in[off + 1]);
        store2(dst, at, a + d4, d1, c1);
        store2(dst, at + BPS, a + c4, d1, c1);
        store2(dst, at + 2 * BPS, a - c4, d1, c1);
        store2(dst, at + 3 * BPS, a - d4, d1, c1);
    }

    private static void store2(byte[] dst, int row, int dc, int d, int c) {
        store(dst, row, dc + d);
        store(dst, row + 1, dc + c);
        store(dst, row + 2, dc - c);
        store(dst, row + 3, dc - d);
    }

    /** A block with only its DC coefficient. */
    static void transformDc(short[] in, int off, byte[] dst, int at) {
        int dc = in[off] + 4;
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                store(dst, at + j * BPS + i, dc);
            }
        }
    }

    /** The four 4x4 blocks of an 8x8 chroma block, all with the full transform. */
    static void transformUv(short[] in, int off, byte[] dst, int at, int[] c) {
        transform(in, off, dst, at, c);
        transform(in, off + 16, dst, at + 4, c);
        transform(in, off + 32, dst, at + 4 * BPS, c);
        transform(in, off + 48, dst, at + 4 * BPS + 4, c);
    }

    /** The four blocks of an 8x8 chroma block that have only DC coefficients. */
    static void transformDcUv(short[] in, int off, byte[] dst, int at) {
        if (in[off] != 0) {
            transformDc(in, off, dst, at);
        }
        if (in[off + 16] != 0) {
            transformDc(in, off + 16, dst, at + 4);
        }
        if (in[off + 32] != 0) {
            transformDc(in, off + 32, dst, at + 4 * BPS);
        }
        if (in[off + 48] != 0) {
            transformDc(in, off + 48, dst, at + 4 * BPS + 4);
        }
    }

    /**
     * The inverse Walsh-Hadamard transform of the 16 luma DCs {@code in[0, 16)}: each result goes
     * to the DC of its 4x4 block in {@code out} (every 16th value from {@code outOff}). Results are
     * stored as 16-bit values, as libwebp's int16 arrays hold them.
     */
    static void transformWht(short[] in, short[] out, int outOff) {
        int[] tmp = new int[16];
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
        int o = outOff;
        for (int i = 0; i < 4; i++) {
            int dc = tmp[i * 4] + 3;   // rounding bias
            int a0 = dc + tmp[3 + i * 4];
            int a1 = tmp[1 + i * 4] + tmp[2 + i * 4];
            int a2 = tmp[1 + i * 4] - tmp[2 + i * 4];
            int a3 = dc - tmp[3 + i * 4];
            out[o] = (short) ((a0 + a1) >> 3);
            out[o + 16] = (short) ((a3 + a2) >> 3);
            out[o + 32] = (short) ((a0 - a1) >> 3);
            out[o + 48] = (short) ((a3 - a2) >> 3);
            o += 64;
        }
    }
}
