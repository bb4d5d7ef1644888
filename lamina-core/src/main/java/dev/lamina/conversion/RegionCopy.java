package dev.lamina.conversion;

import dev.lamina.core.Region;

/** Row-by-row copies between regions of the same layout whose coordinates are shifted (crop, embed). */
final class RegionCopy {

    private RegionCopy() {
    }

    /** Copies the {@code w x h} pixels at (sx, sy) of {@code src} to (dx, dy) of {@code dst}. */
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
}
