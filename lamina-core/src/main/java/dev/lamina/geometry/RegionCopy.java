package dev.lamina.geometry;

import dev.lamina.core.Region;

/** The copy loops of the geometry operations that move pixels without arithmetic (extract, extend, nearest). */
final class RegionCopy {

    private RegionCopy() {
    }

    /** Copies the {@code w x h} pixels at (sx, sy) of {@code src} to (dx, dy) of {@code dst}, a row at a time. */
    static void copy(Region src, int sx, int sy, Region dst, int dx, int dy, int w, int h) {
        int n = w * src.bands;
        for (int row = 0; row < h; row++) {
            int s = src.index(sx, sy + row), d = dst.index(dx, dy + row);
            switch (src.format) {
                case U8 -> System.arraycopy(src.u8(), s, dst.u8(), d, n);
                case U16 -> System.arraycopy(src.u16(), s, dst.u16(), d, n);
                case F32 -> System.arraycopy(src.f32(), s, dst.f32(), d, n);
            }
        }
    }

    /**
     * Writes {@code n} consecutive pixels of {@code dst} from sample index {@code d} on: pixel k is
     * the pixel of {@code src} whose first sample is at {@code index[k]}, or {@code fill}'s one
     * pixel where {@code index[k]} is negative.
     */
    static void gather(Region src, int[] index, int n, Region fill, Region dst, int d) {
        int bands = src.bands;
        switch (src.format) {
            case U8 -> {
                byte[] a = src.u8(), b = dst.u8(), f = fill == null ? null : fill.u8();
                for (int k = 0; k < n; k++) {
                    int s = index[k];
                    byte[] from = s < 0 ? f : a;
                    s = Math.max(s, 0);
                    for (int c = 0; c < bands; c++) {
                        b[d++] = from[s + c];
                    }
                }
            }
            case U16 -> {
                short[] a = src.u16(), b = dst.u16(), f = fill == null ? null : fill.u16();
                for (int k = 0; k < n; k++) {
                    int s = index[k];
                    short[] from = s < 0 ? f : a;
                    s = Math.max(s, 0);
                    for (int c = 0; c < bands; c++) {
                        b[d++] = from[s + c];
                    }
                }
            }
            case F32 -> {
                float[] a = src.f32(), b = dst.f32(), f = fill == null ? null : fill.f32();
                for (int k = 0; k < n; k++) {
                    int s = index[k];
                    float[] from = s < 0 ? f : a;
                    s = Math.max(s, 0);
                    for (int c = 0; c < bands; c++) {
                        b[d++] = from[s + c];
                    }
                }
            }
        }
    }
}
