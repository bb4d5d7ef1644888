package dev.lamina.codec.webp.lossless;

/**
 * What each effort level of the encoder does: the transforms and their tile sizes, how hard LZ77
 * searches, which colour-cache sizes are tried, whether a palette and meta codes are tried.
 */
record EncoderEffort(int[] predictorModes, int predictorBits, boolean crossColour, int crossColourBits, int crossColourStep,
                     int chain, boolean lazy, int minLength, int parseRounds, int[] cacheBits, boolean palette,
                     boolean paletteAndSpatial, int metaBits, int metaGroups) {

    private static final int[] ALL_MODES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    private static final int[] FAST_MODES = {1, 2, 11, 12};
    private static final int[] SOME_MODES = {1, 2, 5, 7, 11, 12, 13};

    static EncoderEffort of(int effort) {
        return switch (effort) {
            case 0 -> new EncoderEffort(FAST_MODES, 6, false, 0, 0, 0, false, 8, 0, new int[] {0}, false, false, 0, 0);
            case 1 -> new EncoderEffort(FAST_MODES, 5, false, 0, 0, 4, false, 8, 0, new int[] {0, 8}, true, false, 0, 0);
            case 2 -> new EncoderEffort(SOME_MODES, 5, true, 6, 32, 8, false, 8, 0, new int[] {0, 8, 10}, true, false, 0, 0);
            case 3 -> new EncoderEffort(SOME_MODES, 4, true, 5, 32, 8, true, 8, 0, new int[] {0, 6, 8, 10}, true, false, 6, 8);
            case 4 -> new EncoderEffort(ALL_MODES, 4, true, 5, 16, 8, true, 6, 1, new int[] {0, 4, 6, 8, 10}, true, false, 5, 16);
            case 5 -> new EncoderEffort(ALL_MODES, 4, true, 5, 16, 8, true, 6, 1, new int[] {0, 2, 4, 6, 8, 9, 10}, true, false, 5, 24);
            case 6 -> new EncoderEffort(ALL_MODES, 4, true, 4, 16, 8, true, 6, 1, new int[] {0, 2, 4, 6, 7, 8, 9, 10}, true, false, 5, 32);
            case 7 -> new EncoderEffort(ALL_MODES, 4, true, 4, 16, 16, true, 6, 2, allCacheBits(), true, false, 5, 48);
            case 8 -> new EncoderEffort(ALL_MODES, 3, true, 4, 16, 32, true, 6, 2, allCacheBits(), true, true, 4, 64);
            default -> new EncoderEffort(ALL_MODES, 3, true, 4, 16, 64, true, 6, 3, allCacheBits(), true, true, 4, 96);
        };
    }

    private static int[] allCacheBits() {
        return new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    }
}
