package dev.lamina.simd;

import static dev.lamina.simd.Islow.CONST_BITS;
import static dev.lamina.simd.Islow.FIX_0_298631336;
import static dev.lamina.simd.Islow.FIX_0_390180644;
import static dev.lamina.simd.Islow.FIX_0_541196100;
import static dev.lamina.simd.Islow.FIX_0_765366865;
import static dev.lamina.simd.Islow.FIX_0_899976223;
import static dev.lamina.simd.Islow.FIX_1_175875602;
import static dev.lamina.simd.Islow.FIX_1_501321110;
import static dev.lamina.simd.Islow.FIX_1_847759065;
import static dev.lamina.simd.Islow.FIX_1_961570560;
import static dev.lamina.simd.Islow.FIX_2_053119869;
import static dev.lamina.simd.Islow.FIX_2_562915447;
import static dev.lamina.simd.Islow.FIX_3_072711026;
import static dev.lamina.simd.Islow.PASS1_BITS;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * jpeg_idct_islow on the Vector API, as libjpeg-turbo's SIMD IDCTs do: the eight rows of a block's
 * coefficients are eight int vectors (lanes = columns), so pass 1 (down the columns) runs on all
 * columns at once; a transpose makes the lanes rows for pass 2 (along the rows), and a second one
 * gives back rows of samples to store. The scalar block-row IDCT gathers every coefficient with a
 * strided load (no vector form); here the loads are rows.
 *
 * <p>The arithmetic is the scalar block-row IDCT's (codec.jpeg's InverseDct.idct8Row), operation
 * for operation in 32-bit lanes, so the samples are the same bit for bit, wrap-around included:
 * pass 1 splits the even term off (4(x + y) + descale(t, 11)), pass 2 splits s * 2^13 as
 * (s >> 5) * 2^18 + (s & 31) * 2^13, and libjpeg's range limit is computed as
 * clamp(((x + 512) & 1023) - 384, 0, 255). Loaded only through {@link Vectors}; one instance per
 * thread (work arrays, 10 KiB).
 *
 * <p>How it is laid out, and why (C2, JDK 25):
 * <ul>
 * <li>Every step is a method of its own, and no method takes or returns a vector: C2 inlines each
 * Vector API operation through a deep call tree before the intrinsic collapses it, so a method with
 * more than about forty operations reaches NodeCountInliningCutoff, and an operation or a vector
 * argument that is not inlined becomes an object, many times slower than the scalar code.
 * <li>Each step runs over {@link #CHUNK} blocks in a loop of its own, with the blocks between steps
 * in work arrays (12 KiB in all, L1). The first form ran all steps on one block at a time, so each
 * step was a call per block whose arrays had lengths C2 could not know: every vector load and
 * store checked its offset (VectorIntrinsics.checkFromIndexSize), up to 16 times per call where
 * offsets depended on an argument, and the output stores' offsets (position + row * stride) cannot
 * be merged at all. In a loop over blocks every offset is 64 * block + constant (or, for the
 * output, 8 * block + a loop invariant), which C2's loop predication checks once before the loop.
 * <li>A pass's even part runs in two halves (four outputs each), one loop each: the offsets
 * depend on the half, an invariant of the loop, which the loop's one check covers.
 * </ul>
 */
final class VectorIdct8 implements Idct8 {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

    /** Blocks per step: the work arrays then stay in L1, and each step's call and loop set-up are shared. */
    static final int CHUNK = 16;

    private static final int SH1 = CONST_BITS - PASS1_BITS;
    private static final int SH2 = CONST_BITS + PASS1_BITS + 3;

    // the constants as vectors: an operation with a scalar operand inlines into more nodes
    private static final IntVector VFIX_0_298631336 = IntVector.broadcast(I, FIX_0_298631336);
    private static final IntVector VFIX_0_541196100 = IntVector.broadcast(I, FIX_0_541196100);
    private static final IntVector VFIX_0_765366865 = IntVector.broadcast(I, FIX_0_765366865);
    private static final IntVector VFIX_1_175875602 = IntVector.broadcast(I, FIX_1_175875602);
    private static final IntVector VFIX_1_501321110 = IntVector.broadcast(I, FIX_1_501321110);
    private static final IntVector VFIX_2_053119869 = IntVector.broadcast(I, FIX_2_053119869);
    private static final IntVector VFIX_3_072711026 = IntVector.broadcast(I, FIX_3_072711026);
    private static final IntVector K0 = IntVector.broadcast(I, 0);
    private static final IntVector K1023 = IntVector.broadcast(I, 1023);
    private static final IntVector K255 = IntVector.broadcast(I, 255);
    private static final IntVector K31 = IntVector.broadcast(I, 31);
    private static final IntVector K384 = IntVector.broadcast(I, 384);
    private static final IntVector K512 = IntVector.broadcast(I, 512);
    private static final IntVector VM_FIX_0_390180644 = IntVector.broadcast(I, -FIX_0_390180644);
    private static final IntVector VM_FIX_0_899976223 = IntVector.broadcast(I, -FIX_0_899976223);
    private static final IntVector VM_FIX_1_847759065 = IntVector.broadcast(I, -FIX_1_847759065);
    private static final IntVector VM_FIX_1_961570560 = IntVector.broadcast(I, -FIX_1_961570560);
    private static final IntVector VM_FIX_2_562915447 = IntVector.broadcast(I, -FIX_2_562915447);
    private static final IntVector VROUND1 = IntVector.broadcast(I, 1 << (SH1 - 1));
    private static final IntVector VROUND2 = IntVector.broadcast(I, 1 << (SH2 - 1));

    /**
     * The transpose's three stages, each swapping one bit of the row index with the same bit of
     * the column index between row pairs (r, r | bit): for the pair's first row, lane c takes
     * lane c of the first if c has the bit clear, else lane c ^ bit of the second (index + 8);
     * for the second row the other way round. Eight two-source selects per stage.
     */
    private static final int[] SELECT = selects();

    /** The six index vectors: for stages 0, 1, 2 the first row's (lo) and the second's (hi), eight ints each. */
    private static int[] selects() {
        int[] index = new int[48];
        for (int stage = 0; stage < 3; stage++) {
            int bit = 1 << stage;
            for (int c = 0; c < 8; c++) {
                index[16 * stage + c] = (c & bit) == 0 ? c : 8 + (c ^ bit);
                index[16 * stage + 8 + c] = (c & bit) == 0 ? c ^ bit : 8 + c;
            }
        }
        return index;
    }

    /** Coefficients, then pass 2's samples; pass 1's output; the odd parts (tmp0-tmp3 of each block). */
    private final int[] ws = new int[64 * CHUNK];
    private final int[] wt = new int[64 * CHUNK];
    private final int[] odd = new int[32 * CHUNK];

    VectorIdct8() {
        // the preferred species tells what the CPU has: below 256 bits, the 8-lane int vectors
        // would be emulated, far slower than the scalar code
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit int vectors on this CPU");
        }
    }

    @Override
    public String toString() {
        return "vector: jdk.incubator.vector, " + IntVector.SPECIES_PREFERRED.vectorBitSize() + "-bit preferred";
    }

    @Override
    public void rows(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        int[] ws = this.ws;
        int[] wt = this.wt;
        int[] odd = this.odd;
        for (int b0 = 0; b0 < blocks; b0 += CHUNK) {
            int n = Math.min(CHUNK, blocks - b0);
            dequantise(in, o + 64 * b0, n, q, ws);
            // the Idct8 contract: the chunk's coefficients cleared while in L1 (a pass of its own:
            // zero stores inside dequantise's loop measured slower here, not in VectorIdct4)
            java.util.Arrays.fill(in, o + 64 * b0, o + 64 * (b0 + n), (short) 0);
            odd(ws, n, odd);
            evenPass1(ws, odd, n, wt, 0);
            evenPass1(ws, odd, n, wt, 1);
            transpose(wt, n);
            odd(wt, n, odd);
            evenPass2(wt, odd, n, ws, 0);
            evenPass2(wt, odd, n, ws, 1);
            transpose(ws, n);
            store(ws, n, out, outPos + 8 * b0, stride);
        }
    }

    /** The blocks' coefficients times the quantisers, rows of ints. */
    private static void dequantise(short[] in, int i, int n, int[] q, int[] ws) {
        for (int b = 0; b < n; b++) {
            int s = i + 64 * b;
            int w = 64 * b;
            load(in, s).mul(IntVector.fromArray(I, q, 0)).intoArray(ws, w);
            load(in, s + 8).mul(IntVector.fromArray(I, q, 8)).intoArray(ws, w + 8);
            load(in, s + 16).mul(IntVector.fromArray(I, q, 16)).intoArray(ws, w + 16);
            load(in, s + 24).mul(IntVector.fromArray(I, q, 24)).intoArray(ws, w + 24);
            load(in, s + 32).mul(IntVector.fromArray(I, q, 32)).intoArray(ws, w + 32);
            load(in, s + 40).mul(IntVector.fromArray(I, q, 40)).intoArray(ws, w + 40);
            load(in, s + 48).mul(IntVector.fromArray(I, q, 48)).intoArray(ws, w + 48);
            load(in, s + 56).mul(IntVector.fromArray(I, q, 56)).intoArray(ws, w + 56);
        }
    }

    /**
     * jpeg_idct_islow's odd part (both passes; lanes = columns in pass 1, rows in pass 2) from
     * t0 = x7, t1 = x5, t2 = x3, t3 = x1 (rows of each block in ws) into four rows per block of
     * odd: tmp0 to tmp3.
     */
    private static void odd(int[] ws, int n, int[] odd) {
        for (int b = 0; b < n; b++) {
            int w = 64 * b;
            int d = 32 * b;
            IntVector x1 = IntVector.fromArray(I, ws, w + 8);
            IntVector x3 = IntVector.fromArray(I, ws, w + 24);
            IntVector x5 = IntVector.fromArray(I, ws, w + 40);
            IntVector x7 = IntVector.fromArray(I, ws, w + 56);
            IntVector z3 = x7.add(x3);
            IntVector z4 = x5.add(x1);
            IntVector z5 = z3.add(z4).mul(VFIX_1_175875602);
            IntVector m1 = x7.add(x1).mul(VM_FIX_0_899976223);
            IntVector m2 = x5.add(x3).mul(VM_FIX_2_562915447);
            IntVector m3 = z3.mul(VM_FIX_1_961570560).add(z5);
            IntVector m4 = z4.mul(VM_FIX_0_390180644).add(z5);
            x7.mul(VFIX_0_298631336).add(m1).add(m3).intoArray(odd, d);
            x5.mul(VFIX_2_053119869).add(m2).add(m4).intoArray(odd, d + 8);
            x3.mul(VFIX_3_072711026).add(m2).add(m3).intoArray(odd, d + 16);
            x1.mul(VFIX_1_501321110).add(m1).add(m4).intoArray(odd, d + 24);
        }
    }

    /**
     * Pass 1's even part and four of its outputs (lanes = columns): with half 0, rows 0, 7, 3 and 4
     * (tmp10 and tmp13 with tmp3, odd parts tmp3 and tmp0); with half 1, rows 1, 6, 2 and 5 (tmp11
     * and tmp12 with tmp2, odd parts tmp2 and tmp1). 4(x +- y) is split off the even term. The
     * offsets are 64 * block plus a loop invariant: checked once per loop.
     */
    private static void evenPass1(int[] ws, int[] odd, int n, int[] w, int half) {
        int h = 8 * half;
        for (int b = 0; b < n; b++) {
            int g = 64 * b;
            int d = 32 * b;
            IntVector g0 = IntVector.fromArray(I, ws, g);
            IntVector g2 = IntVector.fromArray(I, ws, g + 16);
            IntVector g4 = IntVector.fromArray(I, ws, g + 32);
            IntVector g6 = IntVector.fromArray(I, ws, g + 48);
            IntVector z1 = g2.add(g6).mul(VFIX_0_541196100);
            IntVector e;
            IntVector t;
            if (half == 0) {
                e = g0.add(g4).lanewise(VectorOperators.LSHL, PASS1_BITS);
                t = z1.add(g2.mul(VFIX_0_765366865));
            } else {
                e = g0.sub(g4).lanewise(VectorOperators.LSHL, PASS1_BITS);
                t = z1.add(g6.mul(VM_FIX_1_847759065));
            }
            pass1Rows(e, t, IntVector.fromArray(I, odd, d + 24 - h), IntVector.fromArray(I, odd, d + h), w,
                    g + h, g + 56 - h, g + 24 - h, g + 32 + h);
        }
    }

    /** e + descale(t +- oa) and e + descale(-t +- ob) into the four rows at a..d. Inlined (small). */
    private static void pass1Rows(IntVector e, IntVector t, IntVector oa, IntVector ob, int[] w, int a, int b, int c, int d) {
        IntVector p = t.add(VROUND1);
        IntVector m = VROUND1.sub(t);
        e.add(p.add(oa).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, a);
        e.add(p.sub(oa).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, b);
        e.add(m.add(ob).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, c);
        e.add(m.sub(ob).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, d);
    }

    /**
     * Pass 2's even part and four of its outputs (lanes = rows) with the range limit, halves as in
     * pass 1: s = w0 +- w4 split into s >> 5 and (s & 31) * 2^13, the samples descaled by 2^18.
     */
    private static void evenPass2(int[] w, int[] odd, int n, int[] ws, int half) {
        int h = 8 * half;
        for (int b = 0; b < n; b++) {
            int g = 64 * b;
            int d = 32 * b;
            IntVector w0 = IntVector.fromArray(I, w, g);
            IntVector w2 = IntVector.fromArray(I, w, g + 16);
            IntVector w4 = IntVector.fromArray(I, w, g + 32);
            IntVector w6 = IntVector.fromArray(I, w, g + 48);
            IntVector z1 = w2.add(w6).mul(VFIX_0_541196100);
            IntVector s;
            IntVector t;
            if (half == 0) {
                s = w0.add(w4);
                t = z1.add(w2.mul(VFIX_0_765366865));
            } else {
                s = w0.sub(w4);
                t = z1.add(w6.mul(VM_FIX_1_847759065));
            }
            pass2Rows(s, t, IntVector.fromArray(I, odd, d + 24 - h), IntVector.fromArray(I, odd, d + h), ws,
                    g + h, g + 56 - h, g + 24 - h, g + 32 + h);
        }
    }

    /** The four range-limited outputs of pass 2 from s, t and two odd parts into rows a..d. Inlined (small). */
    private static void pass2Rows(IntVector s, IntVector t, IntVector oa, IntVector ob, int[] ws, int a, int b, int c, int d) {
        // + 512 of the range limit folded into the high part
        IntVector hi = s.lanewise(VectorOperators.ASHR, 5).add(K512);
        IntVector lo = s.and(K31).lanewise(VectorOperators.LSHL, CONST_BITS).add(VROUND2);
        IntVector p = lo.add(t);
        IntVector m = lo.sub(t);
        hi.add(p.add(oa).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255).intoArray(ws, a);
        hi.add(p.sub(oa).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255).intoArray(ws, b);
        hi.add(m.add(ob).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255).intoArray(ws, c);
        hi.add(m.sub(ob).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255).intoArray(ws, d);
    }

    /** Each of the n 8x8 blocks of ints in ws transposed in place (row r lane c becomes row c lane r). */
    static void transpose(int[] ws, int n) {
        // loaded before the loop, not read from the constants in it: their payloads are int
        // arrays, which the loop's int stores might write as far as C2 knows, so it reloaded and
        // re-masked all six for every block
        IntVector lo0 = IntVector.fromArray(I, SELECT, 0);
        IntVector hi0 = IntVector.fromArray(I, SELECT, 8);
        IntVector lo1 = IntVector.fromArray(I, SELECT, 16);
        IntVector hi1 = IntVector.fromArray(I, SELECT, 24);
        IntVector lo2 = IntVector.fromArray(I, SELECT, 32);
        IntVector hi2 = IntVector.fromArray(I, SELECT, 40);
        for (int b = 0; b < n; b++) {
            int g = 64 * b;
            IntVector v0 = IntVector.fromArray(I, ws, g);
            IntVector v1 = IntVector.fromArray(I, ws, g + 8);
            IntVector v2 = IntVector.fromArray(I, ws, g + 16);
            IntVector v3 = IntVector.fromArray(I, ws, g + 24);
            IntVector v4 = IntVector.fromArray(I, ws, g + 32);
            IntVector v5 = IntVector.fromArray(I, ws, g + 40);
            IntVector v6 = IntVector.fromArray(I, ws, g + 48);
            IntVector v7 = IntVector.fromArray(I, ws, g + 56);
            IntVector a;
            IntVector c;
            a = v0; c = v1; v0 = lo0.selectFrom(a, c); v1 = hi0.selectFrom(a, c);
            a = v2; c = v3; v2 = lo0.selectFrom(a, c); v3 = hi0.selectFrom(a, c);
            a = v4; c = v5; v4 = lo0.selectFrom(a, c); v5 = hi0.selectFrom(a, c);
            a = v6; c = v7; v6 = lo0.selectFrom(a, c); v7 = hi0.selectFrom(a, c);
            a = v0; c = v2; v0 = lo1.selectFrom(a, c); v2 = hi1.selectFrom(a, c);
            a = v1; c = v3; v1 = lo1.selectFrom(a, c); v3 = hi1.selectFrom(a, c);
            a = v4; c = v6; v4 = lo1.selectFrom(a, c); v6 = hi1.selectFrom(a, c);
            a = v5; c = v7; v5 = lo1.selectFrom(a, c); v7 = hi1.selectFrom(a, c);
            a = v0; c = v4; v0 = lo2.selectFrom(a, c); v4 = hi2.selectFrom(a, c);
            a = v1; c = v5; v1 = lo2.selectFrom(a, c); v5 = hi2.selectFrom(a, c);
            a = v2; c = v6; v2 = lo2.selectFrom(a, c); v6 = hi2.selectFrom(a, c);
            a = v3; c = v7; v3 = lo2.selectFrom(a, c); v7 = hi2.selectFrom(a, c);
            v0.intoArray(ws, g);
            v1.intoArray(ws, g + 8);
            v2.intoArray(ws, g + 16);
            v3.intoArray(ws, g + 24);
            v4.intoArray(ws, g + 32);
            v5.intoArray(ws, g + 40);
            v6.intoArray(ws, g + 48);
            v7.intoArray(ws, g + 56);
        }
    }

    /** Eight rows of samples (ints 0..255 in ws) per block to bytes, block b's at p + 8b. */
    private static void store(int[] ws, int n, byte[] out, int p, int stride) {
        for (int b = 0; b < n; b++) {
            int g = 64 * b;
            int at = p + 8 * b;
            bytes(ws, g).intoArray(out, at);
            bytes(ws, g + 8).intoArray(out, at + stride);
            bytes(ws, g + 16).intoArray(out, at + 2 * stride);
            bytes(ws, g + 24).intoArray(out, at + 3 * stride);
            bytes(ws, g + 32).intoArray(out, at + 4 * stride);
            bytes(ws, g + 40).intoArray(out, at + 5 * stride);
            bytes(ws, g + 48).intoArray(out, at + 6 * stride);
            bytes(ws, g + 56).intoArray(out, at + 7 * stride);
        }
    }

    private static ByteVector bytes(int[] ws, int at) {
        return (ByteVector) IntVector.fromArray(I, ws, at).convertShape(VectorOperators.I2B, B, 0);
    }

    static IntVector load(short[] in, int i) {
        return (IntVector) ShortVector.fromArray(S, in, i).convertShape(VectorOperators.S2I, I, 0);
    }
}
