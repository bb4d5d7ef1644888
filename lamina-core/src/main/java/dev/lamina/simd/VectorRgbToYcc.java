package dev.lamina.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * libjpeg's rgb_ycc_convert on the Vector API, eight pixels at a time in 32-bit lanes, with the
 * products jccolor.c's table holds computed instead (FIX(x) = round(x * 2^16)):
 * Y = (FIX(0.299) R + FIX(0.587) G + FIX(0.114) B + 2^15) >> 16,
 * Cb = (-FIX(0.16874) R - FIX(0.33126) G + 2^15 B + (128 << 16) + 2^15 - 1) >> 16,
 * Cr = (2^15 R - FIX(0.41869) G - FIX(0.08131) B + (128 << 16) + 2^15 - 1) >> 16: the same ints as
 * the table sums, so the same bytes.
 *
 * <p>The input is interleaved: one 32-byte load takes eight pixels' 24 bytes (and 8 more, left
 * alone), one byte rearrangement puts each pixel's R, G, B in the low three bytes of an int lane
 * (libjpeg-turbo's jccolext SIMD deinterleaves with shuffles the same way), and masks and shifts
 * take them apart. The load must stay within the row, so the loop stops while 32 bytes still fit
 * (at most ten pixels are left to the caller's scalar form). Loaded only through {@link Vectors};
 * no state.
 */
final class VectorRgbToYcc implements RgbToYcc {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Byte> B32 = ByteVector.SPECIES_256;

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    private static final IntVector R_Y = IntVector.broadcast(I, fix(0.29900));
    private static final IntVector G_Y = IntVector.broadcast(I, fix(0.58700));
    private static final IntVector B_Y = IntVector.broadcast(I, fix(0.11400));
    private static final IntVector R_CB = IntVector.broadcast(I, -fix(0.16874));
    private static final IntVector G_CB = IntVector.broadcast(I, -fix(0.33126));
    private static final IntVector G_CR = IntVector.broadcast(I, -fix(0.41869));
    private static final IntVector B_CR = IntVector.broadcast(I, -fix(0.08131));
    private static final IntVector HALF = IntVector.broadcast(I, 1 << 15);
    private static final IntVector CBCR_OFFSET = IntVector.broadcast(I, (128 << 16) + (1 << 15) - 1);
    private static final IntVector K255 = IntVector.broadcast(I, 255);
    /** Byte 4k + c of the result is byte 3k + c of the pixels for c < 3 (lane 4k + 3: anything, masked off). */
    private static final VectorShuffle<Byte> UNPACK = VectorShuffle.fromOp(B32, i -> i / 4 * 3 + Math.min(i % 4, 2));

    VectorRgbToYcc() {
        if (IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit int vectors on this CPU");
        }
    }

    @Override
    public int convert(byte[] in, int ip, byte[] py, byte[] pb, byte[] pr, int o, int width) {
        int x = 0;
        // 32 bytes read from ip + 3x must end within ip + 3 width
        for (; x <= width - 11; x += 8) {
            IntVector px = (IntVector) ByteVector.fromArray(B32, in, ip + 3 * x).rearrange(UNPACK).reinterpretAsInts();
            IntVector r = px.and(K255);
            IntVector g = px.lanewise(VectorOperators.LSHR, 8).and(K255);
            IntVector b = px.lanewise(VectorOperators.LSHR, 16).and(K255);
            bytes(r.mul(R_Y).add(g.mul(G_Y)).add(b.mul(B_Y)).add(HALF)).intoArray(py, o + x);
            bytes(r.mul(R_CB).add(g.mul(G_CB)).add(b.lanewise(VectorOperators.LSHL, 15)).add(CBCR_OFFSET)).intoArray(pb, o + x);
            bytes(r.lanewise(VectorOperators.LSHL, 15).add(g.mul(G_CR)).add(b.mul(B_CR)).add(CBCR_OFFSET)).intoArray(pr, o + x);
        }
        return x;
    }

    /** The eight sums >> 16 (each 0..255 by construction) as bytes. */
    private static ByteVector bytes(IntVector sum) {
        return (ByteVector) sum.lanewise(VectorOperators.ASHR, 16).convertShape(VectorOperators.I2B, B8, 0);
    }
}
