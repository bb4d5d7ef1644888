package dev.lamina.codec.webp.lossless;

/** Placeholder replaced below. */
final class EntropyImageChoice {
    private EntropyImageChoice() {
    }

    static EntropyCodedWriter.Groups choose(Tokens tokens, int width, int height, int cacheBits, int bits, int maxGroups) {
        return null;
    }
}
