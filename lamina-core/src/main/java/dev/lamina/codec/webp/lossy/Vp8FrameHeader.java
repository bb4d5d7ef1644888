package dev.lamina.codec.webp.lossy;

import dev.lamina.model.LaminaException;

/**
 * A VP8 key frame's headers (RFC 6386, sections 9.1-9.11 and 19.2), read as libwebp's
 * {@code VP8GetHeaders} reads them: the frame tag and size, then from the first partition the
 * segment and loop-filter headers, the token partitions' sizes, the quantisers and the coefficient
 * probabilities. What libwebp refuses is refused here, with the reason.
 */
final class Vp8FrameHeader {
    static final int NUM_MB_SEGMENTS = 4;

    final int width;
    final int height;
    final int mbW;
    final int mbH;
    /** The first partition, positioned after the probabilities: the macroblock headers follow. */
    final Vp8BoolDecoder modes;
    /** The token partitions; macroblock row y reads partition {@code y & (parts.length - 1)}. */
    final Vp8BoolDecoder[] parts;

    // Segments (9.3).
    boolean useSegment;
    boolean updateMap;
    boolean absoluteDelta = true;
    final int[] quantizer = new int[NUM_MB_SEGMENTS];
    final int[] filterStrength = new int[NUM_MB_SEGMENTS];
    final int[] segmentProbs = {255, 255, 255};

    // Loop filter (9.6).
    boolean simpleFilter;
    int filterLevel;
    int sharpness;
    boolean useLfDelta;
    final int[] refLfDelta = new int[4];
    final int[] modeLfDelta = new int[4];
    /** 0 none, 1 simple, 2 normal: from the frame's level only, as libwebp decides it. */
    final int filterType;

    /** Dequantisation factors per segment: y1 dc/ac, y2 dc/ac, uv dc/ac. */
    final int[][] dequant = new int[NUM_MB_SEGMENTS][6];

    /** Coefficient probabilities, {@link Vp8Tables#COEFFS_PROBA0}'s layout. */
    final byte[] coeffProbs = new byte[Vp8Tables.COEFFS_PROBA0.length];
    boolean useSkipProba;
    int skipProba;

    private Vp8FrameHeader(byte[] data, int offset, int length, String name) {
        if (length < 10) {
            throw truncated(name, "the VP8 frame header");
        }
        int bits = (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
        boolean keyFrame = (bits & 1) == 0;
        int profile = (bits >> 1) & 7;
        boolean show = ((bits >> 4) & 1) != 0;
        int partitionLength = bits >>> 5;
        if (!keyFrame) {
            throw corrupt(name, "the frame is not a key frame");
        }
        if (profile > 3) {
            throw corrupt(name, "unknown profile " + profile);
        }
        if (!show) {
            throw corrupt(name, "the frame is marked invisible");
        }
        if ((data[offset + 3] & 0xFF) != 0x9d || (data[offset + 4] & 0xFF) != 0x01 || (data[offset + 5] & 0xFF) != 0x2a) {
            throw corrupt(name, "bad key frame start code");
        }
        width = ((data[offset + 7] & 0xFF) << 8 | (data[offset + 6] & 0xFF)) & 0x3fff;
        height = ((data[offset + 9] & 0xFF) << 8 | (data[offset + 8] & 0xFF)) & 0x3fff;
        if (width == 0 || height == 0) {
            throw corrupt(name, "zero image size " + width + "x" + height);
        }
        mbW = (width + 15) >> 4;
        mbH = (height + 15) >> 4;
        int start = offset + 10;
        int size = length - 10;
        if (partitionLength > size) {
            throw truncated(name, "the first partition (" + partitionLength + " bytes announced, " + size + " present)");
        }
        Vp8BoolDecoder br = new Vp8BoolDecoder(data, start, partitionLength);
        br.bit(0x80);   // colour space: libwebp ignores it
        br.bit(0x80);   // clamping type: pixel values are always clamped
        parseSegmentHeader(br);
        if (br.eof()) {
            throw truncated(name, "the segment header");
        }
        parseFilterHeader(br);
        if (br.eof()) {
            throw truncated(name, "the loop filter header");
        }
        filterType = filterLevel == 0 ? 0 : simpleFilter ? 1 : 2;
        parts = parsePartitions(br, data, start + partitionLength, size - partitionLength, name);
        parseQuant(br);
        br.bit(0x80);   // refresh_entropy_probs: meaningless for a single key frame
        parseProba(br);
        modes = br;
    }

    /** Reads the headers of the VP8 frame in {@code data[offset, offset + length)}. */
    static Vp8FrameHeader read(byte[] data, int offset, int length, String name) {
        return new Vp8FrameHeader(data, offset, length, name);
    }

    /**
     * The image size from the first ten bytes, with libwebp's {@code VP8GetInfo} checks (used by the
     * container before anything is decoded): {width, height}.
     */
    static int[] size(byte[] data, int offset, int length, String name) {
        if (length < 10) {
            throw truncated(name, "the VP8 frame header");
        }
        int bits = (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
        if ((data[offset + 3] & 0xFF) != 0x9d || (data[offset + 4] & 0xFF) != 0x01 || (data[offset + 5] & 0xFF) != 0x2a) {
            throw corrupt(name, "bad key frame start code");
        }
        if ((bits & 1) != 0) {
            throw corrupt(name, "the frame is not a key frame");
        }
        if (((bits >> 1) & 7) > 3) {
            throw corrupt(name, "unknown profile " + ((bits >> 1) & 7));
        }
        if (((bits >> 4) & 1) == 0) {
            throw corrupt(name, "the frame is marked invisible");
        }
        if ((bits >>> 5) >= length) {
            throw corrupt(name, "the first partition is larger than the frame");
        }
        int w = ((data[offset + 7] & 0xFF) << 8 | (data[offset + 6] & 0xFF)) & 0x3fff;
        int h = ((data[offset + 9] & 0xFF) << 8 | (data[offset + 8] & 0xFF)) & 0x3fff;
        if (w == 0 || h == 0) {
            throw corrupt(name, "zero image size " + w + "x" + h);
        }
        return new int[] {w, h};
    }

    private void parseSegmentHeader(Vp8BoolDecoder br) {
        useSegment = br.bit(0x80) != 0;
        if (useSegment) {
            updateMap = br.bit(0x80) != 0;
            if (br.bit(0x80) != 0) {   // update segment feature data
                absoluteDelta = br.bit(0x80) != 0;
                for (int s = 0; s < NUM_MB_SEGMENTS; s++) {
                    quantizer[s] = br.bit(0x80) != 0 ? br.signedLiteral(7) : 0;
                }
                for (int s = 0; s < NUM_MB_SEGMENTS; s++) {
                    filterStrength[s] = br.bit(0x80) != 0 ? br.signedLiteral(6) : 0;
                }
            }
            if (updateMap) {
                for (int s = 0; s < 3; s++) {
                    segmentProbs[s] = br.bit(0x80) != 0 ? br.literal(8) : 255;
                }
            }
        } else {
            updateMap = false;
        }
    }

    private void parseFilterHeader(Vp8BoolDecoder br) {
        simpleFilter = br.bit(0x80) != 0;
        filterLevel = br.literal(6);
        sharpness = br.literal(3);
        useLfDelta = br.bit(0x80) != 0;
        if (useLfDelta && br.bit(0x80) != 0) {   // update the deltas
            for (int i = 0; i < 4; i++) {
                if (br.bit(0x80) != 0) {
                    refLfDelta[i] = br.signedLiteral(6);
                }
            }
            for (int i = 0; i < 4; i++) {
                if (br.bit(0x80) != 0) {
                    modeLfDelta[i] = br.signedLiteral(6);
                }
            }
        }
    }

    /** libwebp's ParsePartitions: sizes larger than what is left are cut; the last partition must not be empty. */
    private static Vp8BoolDecoder[] parsePartitions(Vp8BoolDecoder br, byte[] data, int start, int size, String name) {
        int count = 1 << br.literal(2);
        int last = count - 1;
        if (size < 3 * last) {
            throw truncated(name, "the token partition sizes");
        }
        Vp8BoolDecoder[] parts = new Vp8BoolDecoder[count];
        int sizes = start;
        int partStart = start + 3 * last;
        int left = size - 3 * last;
        for (int p = 0; p < last; p++) {
            int psize = (data[sizes] & 0xFF) | (data[sizes + 1] & 0xFF) << 8 | (data[sizes + 2] & 0xFF) << 16;
            if (psize > left) {
                psize = left;
            }
            parts[p] = new Vp8BoolDecoder(data, partStart, psize);
            partStart += psize;
            left -= psize;
            sizes += 3;
        }
        if (left <= 0) {
            throw truncated(name, "the last token partition");
        }
        parts[last] = new Vp8BoolDecoder(data, partStart, left);
        return parts;
    }

    private static int clip(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private void parseQuant(Vp8BoolDecoder br) {
        int baseQ0 = br.literal(7);
        int dqy1Dc = br.bit(0x80) != 0 ? br.signedLiteral(4) : 0;
        int dqy2Dc = br.bit(0x80) != 0 ? br.signedLiteral(4) : 0;
        int dqy2Ac = br.bit(0x80) != 0 ? br.signedLiteral(4) : 0;
        int dquvDc = br.bit(0x80) != 0 ? br.signedLiteral(4) : 0;
        int dquvAc = br.bit(0x80) != 0 ? br.signedLiteral(4) : 0;
        for (int i = 0; i < NUM_MB_SEGMENTS; i++) {
            int q;
            if (useSegment) {
                q = quantizer[i];
                if (!absoluteDelta) {
                    q += baseQ0;
                }
            } else if (i > 0) {
                dequant[i] = dequant[0];
                continue;
            } else {
                q = baseQ0;
            }
            int[] m = dequant[i];
            m[0] = Vp8Tables.DC_TABLE[clip(q + dqy1Dc, 127)];
            m[1] = Vp8Tables.AC_TABLE[clip(q, 127)];
            m[2] = Vp8Tables.DC_TABLE[clip(q + dqy2Dc, 127)] * 2;
            // The y2 AC factor is 155/100 of the table's, at least 8 (RFC 6386 14.1), in libwebp's fixed point.
            m[3] = Math.max((Vp8Tables.AC_TABLE[clip(q + dqy2Ac, 127)] * 101581) >> 16, 8);
            m[4] = Vp8Tables.DC_TABLE[clip(q + dquvDc, 117)];
            m[5] = Vp8Tables.AC_TABLE[clip(q + dquvAc, 127)];
        }
    }

    private void parseProba(Vp8BoolDecoder br) {
        for (int i = 0; i < coeffProbs.length; i++) {
            coeffProbs[i] = br.bit(Vp8Tables.COEFFS_UPDATE_PROBA[i] & 0xFF) != 0
                    ? (byte) br.literal(8) : Vp8Tables.COEFFS_PROBA0[i];
        }
        useSkipProba = br.bit(0x80) != 0;
        if (useSkipProba) {
            skipProba = br.literal(8);
        }
    }

    static LaminaException truncated(String name, String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the lossy WebP data is truncated in " + what);
    }

    static LaminaException corrupt(String name, String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt lossy WebP data: " + what);
    }
}
