package dev.lamina.codec.webp.lossless;

/** Inverse subtract-green transform (RFC 9649, 4.3): green is added back to red and blue, modulo 256. */
final class SubtractGreenTransform implements InverseTransform {
    private final int width;
    private final int[] out;

    SubtractGreenTransform(int width) {
        this.width = width;
        this.out = new int[width];
    }

    @Override
    public int inWidth() {
        return width;
    }

    @Override
    public int[] apply(int[] in, int y) {
        for (int x = 0; x < width; x++) {
            int argb = in[x];
            int green = (argb >>> 8) & 0xff;
            int redBlue = ((argb & 0x00ff00ff) + ((green << 16) | green)) & 0x00ff00ff;
            out[x] = (argb & 0xff00ff00) | redBlue;
        }
        return out;
    }
}
