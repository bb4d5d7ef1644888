package dev.lamina.codec.webp.lossless;

import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;

/** Turns decoded ARGB rows into RGBA (or RGB) U8 rows of a {@link Region}, for {@link dev.lamina.core.LineCache}. */
final class Vp8lRowDecoder implements RowDecoder {
    private final ArgbRowReader rows;
    private final boolean alpha;

    Vp8lRowDecoder(ArgbRowReader rows, boolean alpha) {
        this.rows = rows;
        this.alpha = alpha;
    }

    @Override
    public void decodeRow(Region dst, int y) {
        int[] argb = rows.nextRow();
        byte[] out = dst.u8();
        int i = dst.index(0, y);
        int width = rows.width();
        if (alpha) {
            for (int x = 0; x < width; x++, i += 4) {
                int p = argb[x];
                out[i] = (byte) (p >>> 16);
                out[i + 1] = (byte) (p >>> 8);
                out[i + 2] = (byte) p;
                out[i + 3] = (byte) (p >>> 24);
            }
        } else {
            for (int x = 0; x < width; x++, i += 3) {
                int p = argb[x];
                out[i] = (byte) (p >>> 16);
                out[i + 1] = (byte) (p >>> 8);
                out[i + 2] = (byte) p;
            }
        }
    }

    @Override
    public void close() {
        // The data is an array in memory: nothing to release.
    }
}
