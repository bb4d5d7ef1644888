package dev.lamina.codec.webp.lossless;

import java.util.SplittableRandom;

/** Generated ARGB test images: the kinds of content that exercise each part of the codec. */
final class TestImages {
    private TestImages() {
    }

    record Argb(String name, int width, int height, int[] pixels) {
    }

    static Argb noise(int w, int h, long seed, boolean alpha) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = alpha ? r.nextInt() : r.nextInt() | 0xff000000;
        }
        return new Argb("noise" + w + "x" + h + (alpha ? "a" : ""), w, h, p);
    }

    /** Smooth gradients with a little noise: what the predictors are for. */
    static Argb gradient(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (x * 255 / Math.max(1, w - 1) + r.nextInt(3)) & 0xff;
                int green = (y * 255 / Math.max(1, h - 1) + r.nextInt(3)) & 0xff;
                int blue = ((x + y) * 3) & 0xff;
                int a = 255 - ((x * y) & 0x3f);
                p[y * w + x] = (a << 24) | (red << 16) | (green << 8) | blue;
            }
        }
        return new Argb("gradient" + w + "x" + h, w, h, p);
    }

    /** {@code colours} distinct colours in blobs: palette images, bundled when 16 or fewer. */
    static Argb palette(int w, int h, int colours, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] pal = new int[colours];
        for (int i = 0; i < colours; i++) {
            pal[i] = r.nextInt();
        }
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int idx = r.nextInt(8) == 0 ? r.nextInt(colours) : ((x / 5 + y / 7) % colours);
                p[y * w + x] = pal[idx];
            }
        }
        return new Argb("palette" + colours + "-" + w + "x" + h, w, h, p);
    }

    /** Repeated text-like patterns with transparent areas whose RGB is not zero: LZ77 and -exact. */
    static Argb pattern(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] tile = new int[37];
        for (int i = 0; i < tile.length; i++) {
            tile[i] = r.nextInt(4) == 0 ? (r.nextInt() & 0x00ffffff) : (r.nextInt() | 0xff000000);
        }
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (y / 3) % 4 == 0 ? tile[(x + y) % tile.length] : tile[(x * 7 + y / 9) % tile.length];
            }
        }
        return new Argb("pattern" + w + "x" + h, w, h, p);
    }

    /** One flat colour: single-symbol codes everywhere. */
    static Argb flat(int w, int h, int argb) {
        int[] p = new int[w * h];
        java.util.Arrays.fill(p, argb);
        return new Argb("flat" + w + "x" + h, w, h, p);
    }

    /**
     * Rows that repeat a row three above, shifted by five pixels, with fresh noise at the end of
     * each row: long matches (far longer than 256) at a distance that is neither the left pixel
     * nor the one above, found only through the hash chain, each followed by pixels that differ.
     */
    static Argb shiftedRows(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean fresh = y < 3 || x >= w - 5 - r.nextInt(3);
                p[y * w + x] = fresh ? r.nextInt() | 0xff000000 : p[(y - 3) * w + x + 5];
            }
        }
        return new Argb("shifted" + w + "x" + h, w, h, p);
    }
}
