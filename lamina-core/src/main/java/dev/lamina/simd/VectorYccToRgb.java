package dev.lamina.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * libjpeg's ycc_rgb_convert on the Vector API, eight pixels at a time in 32-bit lanes, with the
 * products libjpeg's tables hold computed instead (jdcolor.c: FIX(x) = round(x * 2^16)):
 * R = Y + ((FIX(1.402) Cr' + 2^15) >> 16), B = Y + ((FIX(1.772) Cb' + 2^15) >> 16),
 * G = Y + ((-FIX(0.34414) Cb' - FIX(0.71414) Cr' + 2^15) >> 16), Cb' = Cb - 128 and Cr' = Cr - 128,
 * each clamped to 0..255: the same ints as the tables' sums, so the same bytes.
 *
 * <p>The output is interleaved, which is where a per-sample loop spends its time (three byte
 * stores per pixel). Here each pixel's R, G and B go into one int (R | G << 8 | B << 16), and one
 * byte rearrangement of the eight ints drops every fourth byte, as libjpeg-turbo's jdcolext SIMD
 * does with shuffles: 24 bytes of RGB in the low lanes of a 32-byte vector, stored whole. The
 * store's last 8 bytes are overwritten by the next one, so the loop stops while 32 bytes still fit
 * in the row (at most ten pixels are left to the caller's scalar form).
 *
 * <p>Cb - 128 from a byte: sign-extending the byte gives Cb or Cb - 256, and XOR with -128 (bits
 * 7-31) turns either into Cb - 128. Loaded only through {@link Vectors}; no state.
 */
final class VectorYccToRgb implements YccToRgb {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Byte> B32 = ByteVector.SPECIES_256;

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    private static final IntVector CR_R = IntVector.broadcast(I, fix(1.40200));
    private static final IntVector CB_B = IntVector.broadcast(I, fix(1.77200));
    private static final IntVector CR_G = IntVector.broadcast(I, -fix(0.71414));
    private static final IntVector CB_G = IntVector.broadcast(I, -fix(0.34414));
    private static final IntVector HALF = IntVector.broadcast(I, 1 << 15);
    private static final IntVector K0 = IntVector.broadcast(I, 0);
    private static final IntVector K255 = IntVector.broadcast(I, 255);
    private static final IntVector M128 = IntVector.broadcast(I, -128);
    /** Bytes 0-2, 4-6, ... 28-30 of the eight packed pixels, then eight bytes never stored whole. */
    private static final VectorShuffle<Byte> PACK = VectorShuffle.fromOp(B32, i -> i < 24 ? i / 3 * 4 + i % 3 : 3);

    VectorYccToRgb() {
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit int vectors on this CPU");
        }
    }

    @Override
    public int convert(byte[] y, int yp, byte[] cb, int cbp, byte[] cr, int crp, byte[] out, int o, int n) {
        int i = 0;
        // 32 bytes stored from o + 3i must end within o + 3n
        for (; i <= n - 11; i += 8) {
            IntVector yy = bytes(y, yp + i).and(K255);
            IntVector b = bytes(cb, cbp + i).lanewise(VectorOperators.XOR, M128);
            IntVector r = bytes(cr, crp + i).lanewise(VectorOperators.XOR, M128);
            IntVector red = yy.add(r.mul(CR_R).add(HALF).lanewise(VectorOperators.ASHR, 16)).max(K0).min(K255);
            IntVector green = yy.add(b.mul(CB_G).add(r.mul(CR_G)).add(HALF).lanewise(VectorOperators.ASHR, 16))
                    .max(K0).min(K255);
            IntVector blue = yy.add(b.mul(CB_B).add(HALF).lanewise(VectorOperators.ASHR, 16)).max(K0).min(K255);
            IntVector rgb = red.or(green.lanewise(VectorOperators.LSHL, 8)).or(blue.lanewise(VectorOperators.LSHL, 16));
            rgb.reinterpretAsBytes().rearrange(PACK).intoArray(out, o + 3 * i);
        }
        return i;
    }

    /** Eight bytes, sign-extended to ints. */
    private static IntVector bytes(byte[] a, int at) {
        return (IntVector) ByteVector.fromArray(B8, a, at).convertShape(VectorOperators.B2I, I, 0);
    }
}
