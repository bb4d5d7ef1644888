package dev.lamina.simd;

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
 * is paired with itself and only its four bytes stored.
 *
 * <p>The arithmetic is the scalar block-row 4x4's (codec.jpeg's InverseDct.idct4Row) operation for
 * operation in 32-bit lanes, so the samples are the same bit for bit: pass 1 splits the DC term off
 * (4x + descale(t, 12)), pass 2 splits w0 * 2^14 as (w0 >> 5) * 2^19 + (w0 & 31) * 2^14, and the
 * range limit is computed. Steps are methods of their own for the reason given in VectorIdct8.
 */
final class VectorIdct4 implements Idct4 {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int SH1 = CONST_BITS - PASS1_BITS + 1;
    private static final int SH2 = CONST_BITS + PASS1_BITS + 3 + 1;

    private static final IntVector FIX_0_211164243 = IntVector.broadcast(I, 1730);
    private static final IntVector FIX_0_509795579 = IntVector.broadcast(I, 4176);
    private static final IntVector FIX_0_601344887 = IntVector.broadcast(I, 4926);
    private static final IntVector FIX_0_765366865 = IntVector.broadcast(I, 6270);
    private static final IntVector FIX_0_899976223 = IntVector.broadcast(I, 7373);
    private static final IntVector FIX_1_061594337 = IntVector.broadcast(I, 8697);
    private static final IntVector FIX_1_451774981 = IntVector.broadcast(I, 11893);
    private static final IntVector FIX_1_847759065 = IntVector.broadcast(I, 15137);
    private static final IntVector FIX_2_172734803 = IntVector.broadcast(I, 17799);
    private static final IntVector FIX_2_562915447 = IntVector.broadcast(I, 20995);
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

    VectorIdct4() {
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit int vectors on this CPU");
        }
    }

    @Override
    public void rows(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        int[] ga = new int[64];
        int[] gb = new int[64];
        int[] m = new int[64];
        int[] res = new int[64];   // rows 4-7 stay zero: pass 2 has four outputs
        int[] odd = new int[16];
        for (int b = 0; b < blocks; b += 2) {
            boolean pair = b + 1 < blocks;
            int ia = o + 64 * b;
            dequantise(in, ia, q, ga);
            dequantise(in, pair ? ia + 64 : ia, q, gb);
            odd(ga, odd);
            evenPass1(ga, odd, m, 0);
            odd(gb, odd);
            evenPass1(gb, odd, m, 32);
            VectorIdct8.transpose(m);
            odd(m, odd);
            evenPass2(m, odd, res);
            VectorIdct8.transpose(res);
            store(res, out, outPos + 4 * b, stride, pair);
        }
    }

    /** Rows 0-3 and 5-7 of the block's coefficients times the quantisers (row 4 is not used). */
    private static void dequantise(short[] in, int i, int[] q, int[] g) {
        for (int r = 0; r < 64; r += 8) {
            if (r != 32) {
                ((IntVector) ShortVector.fromArray(S, in, i + r).convertShape(VectorOperators.S2I, I, 0))
                        .mul(IntVector.fromArray(I, q, r)).intoArray(g, r);
            }
        }
    }

    /** jpeg_idct_4x4's odd part (both passes) from z1 = x7, z2 = x5, z3 = x3, z4 = x1: tmp0, tmp2. */
    private static void odd(int[] g, int[] odd) {
        IntVector z1 = IntVector.fromArray(I, g, 56);
        IntVector z2 = IntVector.fromArray(I, g, 40);
        IntVector z3 = IntVector.fromArray(I, g, 24);
        IntVector z4 = IntVector.fromArray(I, g, 8);
        z1.mul(FIX_0_211164243).neg().add(z2.mul(FIX_1_451774981)).sub(z3.mul(FIX_2_172734803))
                .add(z4.mul(FIX_1_061594337)).intoArray(odd, 0);
        z1.mul(FIX_0_509795579).neg().sub(z2.mul(FIX_0_601344887)).add(z3.mul(FIX_0_899976223))
                .add(z4.mul(FIX_2_562915447)).intoArray(odd, 8);
    }

    /** Pass 1's even part and its four rows (lanes = columns) into rows {@code at / 8}.. of m. */
    private static void evenPass1(int[] g, int[] odd, int[] m, int at) {
        IntVector dc = IntVector.fromArray(I, g, 0).lanewise(VectorOperators.LSHL, PASS1_BITS);
        IntVector e = IntVector.fromArray(I, g, 16).mul(FIX_1_847759065)
                .sub(IntVector.fromArray(I, g, 48).mul(FIX_0_765366865));
        IntVector tmp0 = IntVector.fromArray(I, odd, 0);
        IntVector tmp2 = IntVector.fromArray(I, odd, 8);
        IntVector p = e.add(ROUND1);
        IntVector n = ROUND1.sub(e);
        dc.add(p.add(tmp2).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at);
        dc.add(n.add(tmp0).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 8);
        dc.add(n.sub(tmp0).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 16);
        dc.add(p.sub(tmp2).lanewise(VectorOperators.ASHR, SH1)).intoArray(m, at + 24);
    }

    /** Pass 2's even part and the four samples (lanes = rows), range-limited, into rows 0-3 of res. */
    private static void evenPass2(int[] m, int[] odd, int[] res) {
        IntVector w0 = IntVector.fromArray(I, m, 0);
        IntVector t = IntVector.fromArray(I, m, 16).mul(FIX_1_847759065)
                .sub(IntVector.fromArray(I, m, 48).mul(FIX_0_765366865));
        IntVector lo = w0.and(K31).lanewise(VectorOperators.LSHL, CONST_BITS + 1).add(ROUND2);
        IntVector hi = w0.lanewise(VectorOperators.ASHR, 5).add(K512);   // + 512 of the range limit
        IntVector tmp10 = lo.add(t);
        IntVector tmp12 = lo.sub(t);
        IntVector tmp0 = IntVector.fromArray(I, odd, 0);
        IntVector tmp2 = IntVector.fromArray(I, odd, 8);
        hi.add(tmp10.add(tmp2).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(res, 0);
        hi.add(tmp12.add(tmp0).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(res, 8);
        hi.add(tmp12.sub(tmp0).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(res, 16);
        hi.add(tmp10.sub(tmp2).lanewise(VectorOperators.ASHR, SH2)).and(K1023).sub(K384).max(K0).min(K255)
                .intoArray(res, 24);
    }

    /** Block A's row r (res row r, lanes 0-3) and block B's (res row r + 4) as eight bytes, or A's four alone. */
    private static void store(int[] res, byte[] out, int p, int stride, boolean pair) {
        for (int r = 0; r < 4; r++) {
            IntVector row = PAIR.selectFrom(IntVector.fromArray(I, res, 8 * r),
                    IntVector.fromArray(I, res, 8 * r + 32));
            ByteVector bytes = (ByteVector) row.convertShape(VectorOperators.I2B, B, 0);
            if (pair) {
                bytes.intoArray(out, p + r * stride);
            } else {
                INT_LE.set(out, p + r * stride, bytes.reinterpretAsInts().lane(0));
            }
        }
    }
}
