package dev.lamina.codec.webp.lossless;

/**
 * Inverse colour-indexing transform (RFC 9649, 4.4): the green byte of each coded pixel is an
 * index into the palette; with 16 colours or fewer several indices are bundled into one coded
 * pixel (2, 4 or 8 per pixel, first pixel in the lowest bits), so the coded rows are narrower.
 * The palette is stored delta-coded and is expanded here to every index the bundling can
 * express, the missing entries transparent black (0), as libwebp's {@code ExpandColorMap}.
 */
final class ColourIndexingTransform implements InverseTransform {
    private final int width;
    private final int bits;
    private final int codedWidth;
    private final int[] palette;
    private final int[] out;

    /** {@code deltas} is the palette sub-image as read (each entry added to the one before it). */
    ColourIndexingTransform(int width, int colours, int[] deltas) {
        this.width = width;
        this.bits = bundleBits(colours);
        this.codedWidth = Vp8lConstants.subsampled(width, bits);
        this.palette = new int[1 << (8 >>> bits)];
        palette[0] = deltas[0];
        for (int i = 1; i < colours; i++) {
            palette[i] = Argb.add(deltas[i], palette[i - 1]);
        }
        this.out = new int[width];
    }

    /** Pixels bundled per coded pixel, as a power of two. */
    static int bundleBits(int colours) {
        return colours > 16 ? 0 : colours > 4 ? 1 : colours > 2 ? 2 : 3;
    }

    @Override
    public int inWidth() {
        return codedWidth;
    }

    @Override
    public int[] apply(int[] in, int y) {
        if (bits == 0) {
            for (int x = 0; x < width; x++) {
                out[x] = palette[(in[x] >>> 8) & 0xff];
            }
            return out;
        }
        int bitsPerPixel = 8 >>> bits;
        int mask = (1 << bitsPerPixel) - 1;
        int perPixel = 1 << bits;
        int x = 0;
        for (int i = 0; x < width; i++) {
            int packed = (in[i] >>> 8) & 0xff;
            int end = Math.min(width, x + perPixel);
            for (; x < end; x++) {
                out[x] = palette[packed & mask];
                packed >>>= bitsPerPixel;
            }
        }
        return out;
    }
}
