package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * The encoder's colour-indexing transform: the image's distinct colours (when there are 256 or
 * fewer), sorted, and the image rewritten as indices in green, bundled 2, 4 or 8 to a coded pixel
 * when there are 16, 4 or 2 colours or fewer (RFC 9649, 4.4).
 */
final class Palette {
    final int[] colours;

    private Palette(int[] colours) {
        this.colours = colours;
    }

    /** The palette of {@code argb}, or null when it has more than 256 colours. */
    static Palette of(int[] argb) {
        int[] table = new int[1024];
        boolean[] used = new boolean[1024];
        int count = 0;
        int last = 0;
        boolean any = false;
        for (int p : argb) {
            if (any && p == last) {
                continue;
            }
            any = true;
            last = p;
            int slot = (p * Vp8lConstants.CACHE_HASH) >>> 22;
            while (used[slot] && table[slot] != p) {
                slot = (slot + 1) & 1023;
            }
            if (!used[slot]) {
                if (++count > 256) {
                    return null;
                }
                used[slot] = true;
                table[slot] = p;
            }
        }
        int[] colours = new int[count];
        int k = 0;
        for (int i = 0; i < 1024; i++) {
            if (used[i]) {
                colours[k++] = table[i];
            }
        }
        Arrays.sort(colours);
        return new Palette(colours);
    }

    int bundleBits() {
        return ColourIndexingTransform.bundleBits(colours.length);
    }

    /** The palette as the stream stores it: each entry minus the one before. */
    int[] deltas() {
        int[] d = new int[colours.length];
        d[0] = colours[0];
        for (int i = 1; i < d.length; i++) {
            d[i] = Argb.subtract(colours[i], colours[i - 1]);
        }
        return d;
    }

    /** The indexed image, bundled: {@code subsampled(width, bundleBits)} coded pixels per row. */
    int[] index(int[] argb, int width, int height) {
        int bits = bundleBits();
        int codedWidth = Vp8lConstants.subsampled(width, bits);
        int bitsPerPixel = 8 >>> bits;
        int[] out = new int[codedWidth * height];
        int lastColour = colours[0];
        int lastIndex = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                if (p != lastColour) {
                    lastIndex = Arrays.binarySearch(colours, p);
                    lastColour = p;
                }
                int o = y * codedWidth + (x >>> bits);
                out[o] |= lastIndex << (bitsPerPixel * (x & ((1 << bits) - 1)));
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = 0xff000000 | (out[i] << 8);
        }
        return out;
    }
}
