package dev.lamina.codec.webp.lossless;

/**
 * Writes a small image that the stream carries for a transform or the meta codes (predictor modes,
 * cross-colour multipliers, a palette, the entropy image): LZ77 and one group of prefix codes, no
 * colour cache, no transforms (the format allows none there).
 */
final class SubImageWriter {
    private SubImageWriter() {
    }

    static void write(LosslessBitWriter out, int[] argb, int width, int chain) {
        Tokens tokens = BackwardReferences.find(argb, width, chain, false, 3);
        EntropyCodedWriter.write(out, tokens, width, 0, null, false, chain);
    }
}
