package dev.lamina.codec.webp.lossless;

/**
 * What each effort level of the encoder does: the transforms and their tile sizes, how hard LZ77
 * searches (hash-chain candidates, lazy matching, the minimum greedy match, rounds of the
 * cost-based parse), which colour-cache sizes are tried, whether a palette is tried (and at 8-9
 * the spatial transforms too, keeping the smaller), and the meta codes: the smallest tile size, as
 * a power of two, grown until there are at most {@code metaTiles} tiles, and at most
 * {@code metaGroups} groups (0: one group).
 */
record EncoderEffort(boolean subtractGreen, int[] predictorModes, int predictorBits, boolean crossColour, int crossColourBits, int crossColourStep,
                     int chain, boolean lazy, int minLength, int parseRounds, int[] cacheBits, boolean palette,
                     boolean paletteAndSpatial, int metaBits, int metaGroups, int metaTiles) {

    private static final int[] ALL_MODES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    private static final int[] FAST_MODES = {1, 2, 11, 12};
    private static final int[] SOME_MODES = {1, 2, 5, 7, 11, 12, 13};

    static EncoderEffort of(int effort) {
        return switch (effort) {
            case 0 -> new EncoderEffort(true, FAST_MODES, 5, false, 0, 0, 0, false, 8, 0, new int[] {0, 10}, false, false, 6, 4, 256);
            case 1 -> new EncoderEffort(true, FAST_MODES, 5, true, 6, 32, 4, false, 8, 0, new int[] {0, 8, 10}, true, false, 5, 8, 1024);
            case 2 -> new EncoderEffort(true, SOME_MODES, 4, true, 5, 32, 8, true, 8, 0, new int[] {0, 6, 8, 10}, true, false, 5, 16, 2048);
            case 3 -> new EncoderEffort(true, SOME_MODES, 4, true, 5, 32, 8, true, 6, 1, new int[] {0, 6, 8, 10}, true, false, 4, 32, 4096);
            case 4 -> new EncoderEffort(true, ALL_MODES, 4, true, 5, 16, 8, true, 6, 1, new int[] {0, 4, 6, 8, 10}, true, false, 3, 48, 4096);
            case 5 -> new EncoderEffort(true, ALL_MODES, 3, true, 4, 16, 8, true, 6, 1, new int[] {0, 2, 4, 6, 8, 9, 10}, true, false, 3, 48, 8192);
            case 6 -> new EncoderEffort(true, ALL_MODES, 3, true, 4, 16, 8, true, 6, 1, new int[] {0, 2, 4, 6, 7, 8, 9, 10}, true, false, 3, 64, 8192);
            case 7 -> new EncoderEffort(true, ALL_MODES, 3, true, 4, 16, 16, true, 6, 2, allCacheBits(), true, false, 3, 64, 8192);
            case 8 -> new EncoderEffort(true, ALL_MODES, 3, true, 4, 16, 16, true, 6, 2, allCacheBits(), true, true, 3, 64, 16384);
            default -> new EncoderEffort(true, ALL_MODES, 3, true, 4, 16, 32, true, 6, 2, allCacheBits(), true, true, 3, 64, 16384);
        };
    }

    /**
     * The configurations an effort tries on an image without a palette: the first alone below 8;
     * at 8 and 9 the output is the smallest of several (as cwebp's highest efforts try several),
     * effort 6's own among them (so they are never larger), the others varying the tile sizes of
 * the transforms and, at 9, leaving out subtract green.
     */
    static EncoderEffort[] spatialTries(int effort) {
        EncoderEffort main = of(effort);
        return switch (effort) {
            case 8 -> new EncoderEffort[] {main, of(6), main.tiles(4, 5, 4)};
            case 9 -> new EncoderEffort[] {main, of(6), main.tiles(4, 5, 4), main.tiles(3, 3, 3), main.withoutSubtractGreen()};
            default -> new EncoderEffort[] {main};
        };
    }

    private EncoderEffort tiles(int predictor, int cross, int meta) {
        return new EncoderEffort(subtractGreen, predictorModes, predictor, crossColour, cross, crossColourStep, chain, lazy, minLength,
                parseRounds, cacheBits, palette, paletteAndSpatial, meta, metaGroups, metaTiles);
    }

    private EncoderEffort withoutSubtractGreen() {
        return new EncoderEffort(false, predictorModes, predictorBits, crossColour, crossColourBits, crossColourStep, chain, lazy,
                minLength, parseRounds, cacheBits, palette, paletteAndSpatial, metaBits, metaGroups, metaTiles);
    }

    private static int[] allCacheBits() {
        return new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    }
}
