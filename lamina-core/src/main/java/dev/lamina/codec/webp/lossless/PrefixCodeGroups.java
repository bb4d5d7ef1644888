package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;

/**
 * The prefix codes of one entropy-coded image: for each meta code (group) five codes, green with
 * the length prefixes and the colour-cache indices, red, blue, alpha and distance; and the
 * entropy image that picks a group per {@code 2^bits}-square tile (RFC 9649, 3.7.2.2).
 *
 * <p>Groups that no tile uses are read and checked but not built (libwebp does the same), and the
 * tables of all built groups together are bounded by {@link #MAX_TABLE_ENTRIES}: a stream can name
 * 65,536 groups for a small image, and the tables must not grow with what a few bytes can ask for.
 */
final class PrefixCodeGroups {
    /** 16 Mi table entries (64 MiB): far above what real encoders emit (libwebp's own streams use at most a few million). */
    static final int MAX_TABLE_ENTRIES = 1 << 24;
    private static final int[] FIXED_ALPHABETS = {0, 256, 256, 256, Vp8lConstants.DISTANCE_CODES};

    final PrefixCode[] green;
    final PrefixCode[] red;
    final PrefixCode[] blue;
    final PrefixCode[] alpha;
    final PrefixCode[] distance;
    /** Group of each tile (null when there is one group), and the tile size as a power of two. */
    final int[] entropyImage;
    final int bits;
    final int tilesPerRow;

    private PrefixCodeGroups(int groups, int[] entropyImage, int bits, int tilesPerRow) {
        green = new PrefixCode[groups];
        red = new PrefixCode[groups];
        blue = new PrefixCode[groups];
        alpha = new PrefixCode[groups];
        distance = new PrefixCode[groups];
        this.entropyImage = entropyImage;
        this.bits = bits;
        this.tilesPerRow = tilesPerRow;
    }

    /**
     * Reads the codes of an image of {@code width x height}; with {@code metaAllowed} (the main
     * image only) a flag says whether an entropy image comes first.
     */
    static PrefixCodeGroups read(LosslessBitReader in, int width, int height, int cacheBits, boolean metaAllowed,
                                 PrefixCodeReader reader, String name) {
        int groupsMax = 1;
        int[] entropy = null;
        int bits = 0;
        int tilesPerRow = 0;
        int[] mapping = null;
        int groups = 1;
        if (metaAllowed && in.read(1) == 1) {
            bits = 2 + in.read(3);
            tilesPerRow = Vp8lConstants.subsampled(width, bits);
            int tilesHigh = Vp8lConstants.subsampled(height, bits);
            entropy = ImageStreamDecoder.readSubImage(in, tilesPerRow, tilesHigh, reader, name, "entropy image");
            for (int i = 0; i < entropy.length; i++) {
                int g = (entropy[i] >>> 8) & 0xffff;
                entropy[i] = g;
                groupsMax = Math.max(groupsMax, g + 1);
            }
            // Number the groups that tiles use 0..n-1, in order of first use: unused ones cost no table.
            mapping = new int[groupsMax];
            java.util.Arrays.fill(mapping, -1);
            groups = 0;
            for (int i = 0; i < entropy.length; i++) {
                int g = entropy[i];
                if (mapping[g] < 0) {
                    mapping[g] = groups++;
                }
                entropy[i] = mapping[g];
            }
        }
        if (in.overrun()) {
            throw Vp8lDecoder.truncated(name);
        }
        PrefixCodeGroups result = new PrefixCodeGroups(groups, entropy, bits, tilesPerRow);
        int greenAlphabet = Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES + (cacheBits > 0 ? 1 << cacheBits : 0);
        long entries = 0;
        for (int g = 0; g < groupsMax; g++) {
            int target = mapping == null ? g : mapping[g];
            boolean build = target >= 0;
            PrefixCode[] codes = new PrefixCode[5];
            for (int j = 0; j < 5; j++) {
                int alphabet = j == 0 ? greenAlphabet : FIXED_ALPHABETS[j];
                PrefixCode code = reader.read(in, alphabet, build);
                if (code == null) {
                    if (in.overrun()) {
                        throw Vp8lDecoder.truncated(name);
                    }
                    throw Vp8lDecoder.corrupt(name, "invalid prefix code");
                }
                codes[j] = code;
                if (build) {
                    entries += code.entries();
                }
            }
            if (entries > MAX_TABLE_ENTRIES) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the lossless WebP stream's prefix codes need more than "
                        + MAX_TABLE_ENTRIES + " table entries");
            }
            if (build) {
                result.green[target] = codes[0];
                result.red[target] = codes[1];
                result.blue[target] = codes[2];
                result.alpha[target] = codes[3];
                result.distance[target] = codes[4];
            }
        }
        return result;
    }
}
