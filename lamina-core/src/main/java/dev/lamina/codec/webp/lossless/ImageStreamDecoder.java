package dev.lamina.codec.webp.lossless;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one VP8L image stream (RFC 9649, section 5) row by row: the transforms and their
 * sub-images, the colour cache size, the prefix codes (with the entropy image), then the pixels,
 * which are decoded into a bounded ring as rows are asked for and pass through the inverse
 * transforms in the reverse of the order they were read.
 *
 * <p>Memory: the ring (see {@link EntropyCodedPixels}), a few rows per transform, and the
 * transforms' and entropy image's sub-images, each at most 1/16 of the image area (tiles are at
 * least 4x4): those are read before the first pixel and needed to the last row, as in libwebp.
 */
final class ImageStreamDecoder {
    private final int width;
    private final int height;
    private final EntropyCodedPixels pixels;
    /** In the order they are undone (the reverse of the stream's). */
    private final InverseTransform[] transforms;
    private final int[] codedRow;
    private int nextRow;

    ImageStreamDecoder(LosslessBitReader in, int width, int height, String name) {
        this.width = width;
        this.height = height;
        PrefixCodeReader reader = new PrefixCodeReader();
        List<InverseTransform> read = new ArrayList<>();
        int codedWidth = width;
        int seen = 0;
        while (in.read(1) == 1) {
            int type = in.read(2);
            if ((seen & (1 << type)) != 0) {
                throw Vp8lDecoder.corrupt(name, "a transform appears twice");
            }
            seen |= 1 << type;
            switch (type) {
                case Vp8lConstants.PREDICTOR, Vp8lConstants.CROSS_COLOUR -> {
                    int bits = 2 + in.read(3);
                    int[] data = readSubImage(in, Vp8lConstants.subsampled(codedWidth, bits),
                            Vp8lConstants.subsampled(height, bits), reader, name, "transform data");
                    read.add(type == Vp8lConstants.PREDICTOR ? new PredictorTransform(codedWidth, bits, data)
                            : new CrossColourTransform(codedWidth, bits, data));
                }
                case Vp8lConstants.SUBTRACT_GREEN -> read.add(new SubtractGreenTransform(codedWidth));
                default -> {
                    int colours = in.read(8) + 1;
                    int[] deltas = readSubImage(in, colours, 1, reader, name, "palette");
                    ColourIndexingTransform t = new ColourIndexingTransform(codedWidth, colours, deltas);
                    read.add(t);
                    codedWidth = t.inWidth();
                }
            }
        }
        int cacheBits = readCacheBits(in, name);
        PrefixCodeGroups codes = PrefixCodeGroups.read(in, codedWidth, height, cacheBits, true, reader, name);
        this.transforms = new InverseTransform[read.size()];
        for (int i = 0; i < transforms.length; i++) {
            transforms[i] = read.get(read.size() - 1 - i);
        }
        this.pixels = new EntropyCodedPixels(in, codes, codedWidth, height, cacheBits, false, name);
        this.codedRow = new int[codedWidth];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The next row of ARGB pixels (valid until the next call). */
    int[] nextRow() {
        int y = nextRow++;
        pixels.decodeUntil((long) (y + 1) * codedRow.length);
        pixels.copyRow(y, codedRow);
        int[] row = codedRow;
        for (InverseTransform t : transforms) {
            row = t.apply(row, y);
        }
        return row;
    }

    /** Whether every row has been read. */
    boolean done() {
        return nextRow == height;
    }

    /** Reads a whole sub-image (a transform's data, the entropy image, a palette): no transforms, no meta codes. */
    static int[] readSubImage(LosslessBitReader in, int width, int height, PrefixCodeReader reader, String name, String what) {
        int cacheBits = readCacheBits(in, name);
        PrefixCodeGroups codes = PrefixCodeGroups.read(in, width, height, cacheBits, false, reader, name);
        EntropyCodedPixels pixels = new EntropyCodedPixels(in, codes, width, height, cacheBits, true, name);
        pixels.decodeUntil((long) width * height);
        return pixels.ring;
    }

    private static int readCacheBits(LosslessBitReader in, String name) {
        if (in.read(1) == 0) {
            return 0;
        }
        int bits = in.read(4);
        if (bits < 1 || bits > Vp8lConstants.MAX_CACHE_BITS) {
            throw Vp8lDecoder.corrupt(name, "colour cache of " + bits + " bits (1 to 11 allowed)");
        }
        return bits;
    }
}
