package dev.lamina.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * jpeg_idct_islow on the Vector API, one block at a time, as libjpeg-turbo's SIMD IDCTs do: the
 * eight rows of coefficients are eight int vectors (lanes = columns), so pass 1 (down the columns)
 * runs on all columns at once; a transpose makes the lanes rows for pass 2 (along the rows), and a
 * second one gives back rows of samples to store. The scalar block-row IDCT gathers every
 * coefficient with a strided load (no vector form) and runs each step over arrays of 64 blocks;
 * here the loads are rows, and a block's 256 bytes of intermediates stay in L1 between steps.
 *
 * <p>The arithmetic is the scalar block-row IDCT's (codec.jpeg's InverseDct.idct8Row), operation
 * for operation in 32-bit lanes, so the samples are the same bit for bit, wrap-around included:
 * pass 1 splits the even term off (4(x + y) + descale(t, 11)), pass 2 splits s * 2^13 as
 * (s >> 5) * 2^18 + (s & 31) * 2^13, and libjpeg's range limit is computed as
 * clamp(((x + 512) & 1023) - 384, 0, 255). Loaded only through {@link Vectors}.
 */
final class VectorIdct8 implements Idct8 {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

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
    private static final int SH1 = CONST_BITS - PASS1_BITS;
    private static final int ROUND1 = 1 << (SH1 - 1);
    private static final int SH2 = CONST_BITS + PASS1_BITS + 3;
    private static final int ROUND2 = 1 << (SH2 - 1);

    /**
     * The transpose's three stages, each swapping one bit of the row index with the same bit of
     * the column index between row pairs (r, r | bit): for the pair's first row, lane c takes
     * lane c of the first if c has the bit clear, else lane c ^ bit of the second (index + 8);
     * for the second row the other way round. Eight two-source selects per stage.
     */
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
    private static final IntVector VROUND1 = IntVector.broadcast(I, ROUND1);
    private static final IntVector VROUND2 = IntVector.broadcast(I, ROUND2);

    private static final IntVector LO0 = select(0, false);
    private static final IntVector HI0 = select(0, true);
    private static final IntVector LO1 = select(1, false);
    private static final IntVector HI1 = select(1, true);
    private static final IntVector LO2 = select(2, false);
    private static final IntVector HI2 = select(2, true);

    private static IntVector select(int stage, boolean second) {
        int bit = 1 << stage;
        int[] index = new int[8];
        for (int c = 0; c < 8; c++) {
            index[c] = second ? ((c & bit) == 0 ? c ^ bit : 8 + c) : ((c & bit) == 0 ? c : 8 + (c ^ bit));
        }
        return IntVector.fromArray(I, index, 0);
    }

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
        // Each step is a method of its own with the block between steps in memory (L1), and no
        // method takes or returns a vector: C2 inlines a Vector API operation through many calls
        // before its intrinsic collapses them, so a method with more than about forty operations
        // reaches NodeCountInliningCutoff, and an operation or a vector argument that is not
        // inlined becomes an object, many times slower than the scalar code.
        int[] ws = new int[64];
        int[] wt = new int[64];
        int[] odd = new int[32];
        for (int b = 0; b < blocks; b++) {
            dequantise(in, o + 64 * b, q, ws);
            odd(ws, odd);
            evenPass1(ws, odd, wt, 0);
            evenPass1(ws, odd, wt, 1);
            transpose(wt);
            odd(wt, odd);
            evenPass2(wt, odd, ws, 0);
            evenPass2(wt, odd, ws, 1);
            transpose(ws);
            store(ws, out, outPos + 8 * b, stride);
        }
    }

    /** The block's coefficients times the quantisers, rows of ints. */
    static void dequantise(short[] in, int i, int[] q, int[] ws) {
        for (int r = 0; r < 64; r += 8) {
            load(in, i + r).mul(IntVector.fromArray(I, q, r)).intoArray(ws, r);
        }
    }

    /**
     * jpeg_idct_islow's odd part (both passes; lanes = columns in pass 1, rows in pass 2) from
     * t0 = x7, t1 = x5, t2 = x3, t3 = x1 (rows of ws) into the four rows of odd: tmp0 to tmp3.
     */
    private static void odd(int[] ws, int[] odd) {
        IntVector x1 = IntVector.fromArray(I, ws, 8);
        IntVector x3 = IntVector.fromArray(I, ws, 24);
        IntVector x5 = IntVector.fromArray(I, ws, 40);
        IntVector x7 = IntVector.fromArray(I, ws, 56);
        IntVector z3 = x7.add(x3);
        IntVector z4 = x5.add(x1);
        IntVector z5 = z3.add(z4).mul(VFIX_1_175875602);
        IntVector m1 = x7.add(x1).mul(VM_FIX_0_899976223);
        IntVector m2 = x5.add(x3).mul(VM_FIX_2_562915447);
        IntVector m3 = z3.mul(VM_FIX_1_961570560).add(z5);
        IntVector m4 = z4.mul(VM_FIX_0_390180644).add(z5);
        x7.mul(VFIX_0_298631336).add(m1).add(m3).intoArray(odd, 0);
        x5.mul(VFIX_2_053119869).add(m2).add(m4).intoArray(odd, 8);
        x3.mul(VFIX_3_072711026).add(m2).add(m3).intoArray(odd, 16);
        x1.mul(VFIX_1_501321110).add(m1).add(m4).intoArray(odd, 24);
    }

    /**
     * Pass 1's even part and four of its outputs (lanes = columns): with half 0, rows 0, 7, 3 and 4
     * (tmp10 and tmp13 with tmp3, odd parts tmp3 and tmp0); with half 1, rows 1, 6, 2 and 5 (tmp11
     * and tmp12 with tmp2, odd parts tmp2 and tmp1). 4(x +- y) is split off the even term.
     */
    private static void evenPass1(int[] ws, int[] odd, int[] w, int half) {
        IntVector g0 = IntVector.fromArray(I, ws, 0);
        IntVector g2 = IntVector.fromArray(I, ws, 16);
        IntVector g4 = IntVector.fromArray(I, ws, 32);
        IntVector g6 = IntVector.fromArray(I, ws, 48);
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
        IntVector oa = IntVector.fromArray(I, odd, 24 - 8 * half);   // tmp3, tmp2
        IntVector ob = IntVector.fromArray(I, odd, 8 * half);        // tmp0, tmp1
        IntVector p = t.add(VROUND1);
        IntVector n = VROUND1.sub(t);
        e.add(p.add(oa).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, 8 * half);
        e.add(p.sub(oa).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, 56 - 8 * half);
        e.add(n.add(ob).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, 24 - 8 * half);
        e.add(n.sub(ob).lanewise(VectorOperators.ASHR, SH1)).intoArray(w, 32 + 8 * half);
    }

    /**
     * Pass 2's even part and four of its outputs (lanes = rows) with the range limit, halves as in
     * pass 1: s = w0 +- w4 split into s >> 5 and (s & 31) * 2^13, the samples descaled by 2^18.
     */
    private static void evenPass2(int[] w, int[] odd, int[] ws, int half) {
        IntVector w0 = IntVector.fromArray(I, w, 0);
        IntVector w2 = IntVector.fromArray(I, w, 16);
        IntVector w4 = IntVector.fromArray(I, w, 32);
        IntVector w6 = IntVector.fromArray(I, w, 48);
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
        // + 512 of the range limit folded into the high part
        IntVector hi = s.lanewise(VectorOperators.ASHR, 5).add(K512);
        IntVector lo = s.and(K31).lanewise(VectorOperators.LSHL, CONST_BITS).add(VROUND2);
        IntVector p = lo.add(t);
        IntVector n = lo.sub(t);
        IntVector oa = IntVector.fromArray(I, odd, 24 - 8 * half);
        IntVector ob = IntVector.fromArray(I, odd, 8 * half);
        hi.add(p.add(oa).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(ws, 8 * half);
        hi.add(p.sub(oa).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(ws, 56 - 8 * half);
        hi.add(n.add(ob).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(ws, 24 - 8 * half);
        hi.add(n.sub(ob).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(ws, 32 + 8 * half);
    }

    /** The 8x8 ints of ws transposed in place (row r lane c becomes row c lane r). */
    static void transpose(int[] ws) {
        IntVector v0 = IntVector.fromArray(I, ws, 0);
        IntVector v1 = IntVector.fromArray(I, ws, 8);
        IntVector v2 = IntVector.fromArray(I, ws, 16);
        IntVector v3 = IntVector.fromArray(I, ws, 24);
        IntVector v4 = IntVector.fromArray(I, ws, 32);
        IntVector v5 = IntVector.fromArray(I, ws, 40);
        IntVector v6 = IntVector.fromArray(I, ws, 48);
        IntVector v7 = IntVector.fromArray(I, ws, 56);
        IntVector a;
        IntVector c;
        a = v0; c = v1; v0 = LO0.selectFrom(a, c); v1 = HI0.selectFrom(a, c);
        a = v2; c = v3; v2 = LO0.selectFrom(a, c); v3 = HI0.selectFrom(a, c);
        a = v4; c = v5; v4 = LO0.selectFrom(a, c); v5 = HI0.selectFrom(a, c);
        a = v6; c = v7; v6 = LO0.selectFrom(a, c); v7 = HI0.selectFrom(a, c);
        a = v0; c = v2; v0 = LO1.selectFrom(a, c); v2 = HI1.selectFrom(a, c);
        a = v1; c = v3; v1 = LO1.selectFrom(a, c); v3 = HI1.selectFrom(a, c);
        a = v4; c = v6; v4 = LO1.selectFrom(a, c); v6 = HI1.selectFrom(a, c);
        a = v5; c = v7; v5 = LO1.selectFrom(a, c); v7 = HI1.selectFrom(a, c);
        a = v0; c = v4; v0 = LO2.selectFrom(a, c); v4 = HI2.selectFrom(a, c);
        a = v1; c = v5; v1 = LO2.selectFrom(a, c); v5 = HI2.selectFrom(a, c);
        a = v2; c = v6; v2 = LO2.selectFrom(a, c); v6 = HI2.selectFrom(a, c);
        a = v3; c = v7; v3 = LO2.selectFrom(a, c); v7 = HI2.selectFrom(a, c);
        v0.intoArray(ws, 0);
        v1.intoArray(ws, 8);
        v2.intoArray(ws, 16);
        v3.intoArray(ws, 24);
        v4.intoArray(ws, 32);
        v5.intoArray(ws, 40);
        v6.intoArray(ws, 48);
        v7.intoArray(ws, 56);
    }

    /** Eight rows of samples (ints 0..255 in ws) to bytes. */
    private static void store(int[] ws, byte[] out, int p, int stride) {
        for (int r = 0; r < 8; r++) {
            ((ByteVector) IntVector.fromArray(I, ws, 8 * r).convertShape(VectorOperators.I2B, B, 0))
                    .intoArray(out, p + r * stride);
        }
    }

    private static IntVector load(short[] in, int i) {
        return (IntVector) ShortVector.fromArray(S, in, i).convertShape(VectorOperators.S2I, I, 0);
    }
}
