package dev.lamina.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * libjpeg's fancy upsampling by two across on the Vector API, sixteen input samples at a time in
 * 16-bit lanes (the largest sum, 4 x 4 x 255 + 8, fits): each output pair's even sample in the low
 * byte of a lane and its odd sample in the high byte, so the 16 lanes are the 32 output bytes in
 * order, stored as they are (no shuffle). The neighbours come from loads one sample to the left
 * and one to the right. The same integer expressions as the scalar form, so the same samples.
 * Loaded only through {@link Vectors}; no state.
 */
final class VectorFancyUpsample implements FancyUpsample {
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_256;
    private static final ShortVector K255 = ShortVector.broadcast(S, (short) 255);
    private static final ShortVector K1 = ShortVector.broadcast(S, (short) 1);
    private static final ShortVector K2 = ShortVector.broadcast(S, (short) 2);
    private static final ShortVector K3 = ShortVector.broadcast(S, (short) 3);
    private static final ShortVector K7 = ShortVector.broadcast(S, (short) 7);
    private static final ShortVector K8 = ShortVector.broadcast(S, (short) 8);

    VectorFancyUpsample() {
        if (ShortVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit vectors on this CPU");
        }
    }

    @Override
    public int h2v1(byte[] in, int ip, int inWidth, byte[] out) {
        int j = 1;
        // the right neighbours' load ends at j + 16, which must be below inWidth
        for (; j <= inWidth - 17; j += 16) {
            ShortVector c = samples(in, ip + j).mul(K3);
            ShortVector even = c.add(samples(in, ip + j - 1)).add(K1).lanewise(VectorOperators.ASHR, 2);
            ShortVector odd = c.add(samples(in, ip + j + 1)).add(K2).lanewise(VectorOperators.ASHR, 2);
            even.or(odd.lanewise(VectorOperators.LSHL, 8)).reinterpretAsBytes().intoArray(out, 2 * j);
        }
        return j - 1;
    }

    @Override
    public int h2v2(byte[] in, int near, int far, int inWidth, byte[] out) {
        int j = 1;
        for (; j <= inWidth - 17; j += 16) {
            ShortVector s = samples(in, near + j).mul(K3).add(samples(in, far + j)).mul(K3);
            ShortVector left = samples(in, near + j - 1).mul(K3).add(samples(in, far + j - 1));
            ShortVector right = samples(in, near + j + 1).mul(K3).add(samples(in, far + j + 1));
            ShortVector even = s.add(left).add(K8).lanewise(VectorOperators.ASHR, 4);
            ShortVector odd = s.add(right).add(K7).lanewise(VectorOperators.ASHR, 4);
            even.or(odd.lanewise(VectorOperators.LSHL, 8)).reinterpretAsBytes().intoArray(out, 2 * j);
        }
        return j - 1;
    }

    /** Sixteen unsigned samples as shorts. */
    private static ShortVector samples(byte[] a, int at) {
        return ((ShortVector) ByteVector.fromArray(B, a, at).convertShape(VectorOperators.B2S, S, 0)).and(K255);
    }
}
