package dev.lamina.simd;

import static dev.lamina.simd.Islow.CONST_BITS;
import static dev.lamina.simd.Islow.FIX_0_211164243;
import static dev.lamina.simd.Islow.FIX_0_509795579;
import static dev.lamina.simd.Islow.FIX_0_601344887;
import static dev.lamina.simd.Islow.FIX_0_765366865;
import static dev.lamina.simd.Islow.FIX_0_899976223;
import static dev.lamina.simd.Islow.FIX_1_061594337;
import static dev.lamina.simd.Islow.FIX_1_451774981;
import static dev.lamina.simd.Islow.FIX_1_847759065;
import static dev.lamina.simd.Islow.FIX_2_172734803;
import static dev.lamina.simd.Islow.FIX_2_562915447;
import static dev.lamina.simd.Islow.PASS1_BITS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * jpeg_idct_4x4 on the Vector API, two blocks at a time: pass 1 (lanes = columns; column 4, which a
 * 4-point output ignores, is computed and never read) gives each block four rows, block A's in
 * rows 0-3 and block B's in rows 4-7 of one 8x8 matrix, so that after {@link VectorIdct8#transpose}
 * pass 2 runs with lanes = the two blocks' eight rows; a second transpose and one select put A's and
 * B's four samples of a row side by side, eight bytes as they lie in the output. A lone last block
 * is paired with a copy of itself and only its four bytes stored.
 *
 * <p>The arithmetic is the scalar block-row 4x4's (codec.jpeg's InverseDct.idct4Row) operation for
 * operation in 32-bit lanes, so the samples are the same bit for bit: pass 1 splits the DC term off
 * (4x + descale(t, 12)), pass 2 splits w0 * 2^14 as (w0 >> 5) * 2^19 + (w0 & 31) * 2^14, and the
 * range limit is computed. Steps are methods of their own, each a loop over up to
 * {@link VectorIdct8#CHUNK} blocks (or half as many pairs), for the reasons given in VectorIdct8:
 * every vector offset is then a multiple of the loop index plus a constant, checked once per loop.
 * One instance per thread (work arrays, 14 KiB).
 */
final class VectorIdct4 implements Idct4 {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int CHUNK = VectorIdct8.CHUNK;   // even: pairs never straddle two chunks

    private static final int SH1 = CONST_BITS - PASS1_BITS + 1;
    private static final int SH2 = CONST_BITS + PASS1_BITS + 3 + 1;

    private static final IntVector VFIX_0_211164243 = IntVector.broadcast(I, FIX_0_211164243);
    private static final IntVector VFIX_0_509795579 = IntVector.broadcast(I, FIX_0_509795579);
    private static final IntVector VFIX_0_601344887 = IntVector.broadcast(I, FIX_0_601344887);
    private static final IntVector VFIX_0_765366865 = IntVector.broadcast(I, FIX_0_765366865);
    private static final IntVector VFIX_0_899976223 = IntVector.broadcast(I, FIX_0_899976223);
    private static final IntVector VFIX_1_061594337 = IntVector.broadcast(I, FIX_1_061594337);
    private static final IntVector VFIX_1_451774981 = IntVector.broadcast(I, FIX_1_451774981);
    private static final IntVector VFIX_1_847759065 = IntVector.broadcast(I, FIX_1_847759065);
    private static final IntVector VFIX_2_172734803 = IntVector.broadcast(I, FIX_2_172734803);
    private static final IntVector VFIX_2_562915447 = IntVector.broadcast(I, FIX_2_562915447);
    private static final IntVector ROUND1 = IntVector.broadcast(I, 1 << (SH1 - 1));
    private static final IntVector ROUND2 = IntVector.broadcast(I, 1 << (SH2 - 1));
    private static final IntVector K0 = IntVector.broadcast(I, 0);
    private static final IntVector K31 = IntVector.broadcast(I, 31);
    private static final IntVector K255 = IntVector.broadcast(I, 255);
    private static final IntVector K384 = IntVector.broadcast(I, 384);
    private static final IntVector K512 = IntVector.broadcast(I, 512);
    private static final IntVector K1023 = IntVector.broadcast(I, 1023);
    /** Lanes 0-3 of the first vector, then lanes 0-3 of the second. */
    private static final IntVector PAIR = IntVector.fromArray(I, new int[] {0, 1, 2, 3, 8, 9, 10, 11}, 0);

    /**
     * g: the blocks' coefficients (row 4 never written nor read); m: pass 1's output, a pair's
     * eight rows per 64 ints, then its transpose; res: pass 2's samples (rows 0-3 of each pair;
     * rows 4-7 are never used: the select takes lanes 0-3 only), then their transpose; odd: tmp0
     * and tmp2 per block (pass 1) or pair (pass 2).
     */
    private final int[] g = new int[64 * CHUNK];
    private final int[] m = new int[32 * CHUNK];
    private final int[] res = new int[32 * CHUNK];
    private final int[] odd = new int[16 * CHUNK];

    VectorIdct4() {
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit int vectors on this CPU");
        }
    }

    @Override
    public void rows(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        int[] g = this.g;
        int[] m = this.m;
        int[] res = this.res;
        int[] odd = this.odd;
        for (int b0 = 0; b0 < blocks; b0 += CHUNK) {
            int n = Math.min(CHUNK, blocks - b0);
            int pairs = (n + 1) >> 1;
            dequantise(in, o + 64 * b0, n, q, g);
            if ((n & 1) != 0) {
                System.arraycopy(g, 64 * (n - 1), g, 64 * n, 64);   // the lone block's partner: itself
            }
            odd(g, 2 * pairs, odd);
            evenPass1(g, odd, 2 * pairs, m);
            VectorIdct8.transpose(m, pairs);
            odd(m, pairs, odd);
            evenPass2(m, odd, pairs, res);
            VectorIdct8.transpose(res, pairs);
            int p = outPos + 4 * b0;
            store(res, n >> 1, out, p, stride);
            if ((n & 1) != 0) {
                storeLone(res, 64 * (n >> 1), out, p + 8 * (n >> 1), stride);
            }
        }
    }

    /**
     * The blocks' coefficients times the quantisers, rows of ints, without row 4 (never read: a
     * row less is 8 % of the time), each row cleared as it is read (the Idct4 contract): a store
     * while the line is in L1, measured cheaper than a fill after the loop.
     */
    private static void dequantise(short[] in, int i, int n, int[] q, int[] ws) {
        ShortVector zero = ShortVector.zero(S);
        for (int b = 0; b < n; b++) {
            int s = i + 64 * b;
            int w = 64 * b;
            VectorIdct8.load(in, s).mul(IntVector.fromArray(I, q, 0)).intoArray(ws, w);
            VectorIdct8.load(in, s + 8).mul(IntVector.fromArray(I, q, 8)).intoArray(ws, w + 8);
            VectorIdct8.load(in, s + 16).mul(IntVector.fromArray(I, q, 16)).intoArray(ws, w + 16);
            VectorIdct8.load(in, s + 24).mul(IntVector.fromArray(I, q, 24)).intoArray(ws, w + 24);
            VectorIdct8.load(in, s + 40).mul(IntVector.fromArray(I, q, 40)).intoArray(ws, w + 40);
            VectorIdct8.load(in, s + 48).mul(IntVector.fromArray(I, q, 48)).intoArray(ws, w + 48);
            VectorIdct8.load(in, s + 56).mul(IntVector.fromArray(I, q, 56)).intoArray(ws, w + 56);
            zero.intoArray(in, s);
            zero.intoArray(in, s + 8);
            zero.intoArray(in, s + 16);
            zero.intoArray(in, s + 24);
            zero.intoArray(in, s + 40);
            zero.intoArray(in, s + 48);
            zero.intoArray(in, s + 56);
        }
    }

    /**
     * jpeg_idct_4x4's odd part (both passes) of n 8-row matrices (64 ints apart), from z1 = x7,
     * z2 = x5, z3 = x3, z4 = x1: tmp0 and tmp2, 16 ints per matrix in odd.
     */
    private static void odd(int[] g, int n, int[] odd) {
        for (int b = 0; b < n; b++) {
            int w = 64 * b;
            int d = 16 * b;
            IntVector z1 = IntVector.fromArray(I, g, w + 56);
            IntVector z2 = IntVector.fromArray(I, g, w + 40);
            IntVector z3 = IntVector.fromArray(I, g, w + 24);
            IntVector z4 = IntVector.fromArray(I, g, w + 8);
            z1.mul(VFIX_0_211164243).neg().add(z2.mul(VFIX_1_451774981)).sub(z3.mul(VFIX_2_172734803))
                    .add(z4.mul(VFIX_1_061594337)).intoArray(odd, d);
            z1.mul(VFIX_0_509795579).neg().sub(z2.mul(VFIX_0_601344887)).add(z3.mul(VFIX_0_899976223))
                    .add(z4.mul(VFIX_2_562915447)).intoArray(odd, d + 8);
        }
    }

    /** Pass 1's even part and its four rows (lanes = columns): block b's into rows 4(b & 1).. of pair b / 2 in m. */
    private static void evenPass1(int[] g, int[] odd, int n, int[] m) {
        for (int b = 0; b < n; b++) {
            int w = 64 * b;
            int d = 16 * b;
            int at = 32 * b;   // = 64 * (b >> 1) + 32 * (b & 1)
            IntVector dc = IntVector.fromArray(I, g, w).lanewise(VectorOperators.LSHL, PASS1_BITS);
            IntVector e = IntVector.fromArray(I, g, w + 16).mul(VFIX_1_847759065)
                    .sub(IntVector.fromArray(I, g, w + 48).mul(VFIX_0_765366865));
            IntVector tmp0 = IntVector.fromArray(I, odd, d);
            IntVector tmp2 = IntVector.fromArray(I, odd, d + 8);
            IntVector p = e.add(ROUND1);
            IntVector n1 = ROUND1.sub(e);
            dc.add(p.add(tmp2).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at);
            dc.add(n1.add(tmp0).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 8);
            dc.add(n1.sub(tmp0).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 16);
            dc.add(p.sub(tmp2).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 24);
        }
    }

    /** Pass 2's even part and the four samples (lanes = rows), range-limited, into rows 0-3 of each pair's res. */
    private static void evenPass2(int[] m, int[] odd, int pairs, int[] res) {
        for (int b = 0; b < pairs; b++) {
            int w = 64 * b;
            int d = 16 * b;
            IntVector w0 = IntVector.fromArray(I, m, w);
            IntVector t = IntVector.fromArray(I, m, w + 16).mul(VFIX_1_847759065)
                    .sub(IntVector.fromArray(I, m, w + 48).mul(VFIX_0_765366865));
            IntVector lo = w0.and(K31).lanewise(VectorOperators.LSHL, CONST_BITS + 1).add(ROUND2);
            IntVector hi = w0.lanewise(VectorOperators.ASHR, 5).add(K512);   // + 512 of the range limit
            IntVector tmp10 = lo.add(t);
            IntVector tmp12 = lo.sub(t);
            IntVector tmp0 = IntVector.fromArray(I, odd, d);
            IntVector tmp2 = IntVector.fromArray(I, odd, d + 8);
            hi.add(tmp10.add(tmp2).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                    .intoArray(res, w);
            hi.add(tmp12.add(tmp0).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                    .intoArray(res, w + 8);
            hi.add(tmp12.sub(tmp0).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                    .intoArray(res, w + 16);
            hi.add(tmp10.sub(tmp2).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                    .intoArray(res, w + 24);
        }
    }

    /** Each pair's row r: block A's (res row r, lanes 0-3) and block B's (row r + 4) as eight bytes at p + 8 * pair. */
    private static void store(int[] res, int pairs, byte[] out, int p, int stride) {
        for (int b = 0; b < pairs; b++) {
            int w = 64 * b;
            int at = p + 8 * b;
            pair(res, w).intoArray(out, at);
            pair(res, w + 8).intoArray(out, at + stride);
            pair(res, w + 16).intoArray(out, at + 2 * stride);
            pair(res, w + 24).intoArray(out, at + 3 * stride);
        }
    }

    /** A lone last block's four rows of four bytes (its pair's A half). */
    private static void storeLone(int[] res, int w, byte[] out, int p, int stride) {
        for (int r = 0; r < 4; r++) {
            INT_LE.set(out, p + r * stride, pair(res, w + 8 * r).reinterpretAsInts().lane(0));
        }
    }

    private static ByteVector pair(int[] res, int at) {
        IntVector row = PAIR.selectFrom(IntVector.fromArray(I, res, at), IntVector.fromArray(I, res, at + 32));
        return (ByteVector) row.convertShape(VectorOperators.I2B, B, 0);
    }
}
