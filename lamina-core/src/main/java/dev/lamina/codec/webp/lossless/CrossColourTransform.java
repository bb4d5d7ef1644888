package dev.lamina.codec.webp.lossless;

/**
 * Inverse cross-colour transform (RFC 9649, 4.2): red gets back {@code green_to_red * green},
 * blue gets back {@code green_to_blue * green + red_to_blue * red} (the red already restored),
 * each product of signed bytes shifted right by 5, per {@code 2^bits}-square tile; the
 * multipliers are the tile's pixel of the sub-image (green_to_red in blue, green_to_blue in
 * green, red_to_blue in red).
 */
final class CrossColourTransform implements InverseTransform {
    private final int width;
    private final int bits;
    private final int tilesPerRow;
    private final int[] multipliers;
    private final int[] out;

    CrossColourTransform(int width, int bits, int[] multipliers) {
        this.width = width;
        this.bits = bits;
        this.tilesPerRow = Vp8lConstants.subsampled(width, bits);
        this.multipliers = multipliers;
        this.out = new int[width];
    }

    @Override
    public int inWidth() {
        return width;
    }

    @Override
    public int[] apply(int[] in, int y) {
        int tileRow = (y >>> bits) * tilesPerRow;
        for (int x = 0; x < width; ) {
            int m = multipliers[tileRow + (x >>> bits)];
            int greenToRed = (byte) m;
            int greenToBlue = (byte) (m >>> 8);
            int redToBlue = (byte) (m >>> 16);
            int end = Math.min(width, ((x >>> bits) + 1) << bits);
            for (; x < end; x++) {
                int argb = in[x];
                int green = (byte) (argb >>> 8);
                int red = (argb >>> 16) & 0xff;
                int blue = argb & 0xff;
                red = (red + ((greenToRed * green) >> 5)) & 0xff;
                blue = (blue + ((greenToBlue * green) >> 5) + ((redToBlue * (byte) red) >> 5)) & 0xff;
                out[x] = (argb & 0xff00ff00) | (red << 16) | blue;
            }
        }
        return out;
    }
}
