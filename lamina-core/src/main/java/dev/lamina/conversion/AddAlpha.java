package dev.lamina.conversion;

import dev.lamina.core.Image;

/**
 * Appends an opaque alpha band (the format's full-scale value), so that operations which mix
 * pixels can treat every input alike. An image that already has alpha is returned as it is.
 */
public final class AddAlpha {

    private AddAlpha() {
    }

    public static Image build(Image in) {
        if (in.hasAlpha) {
            return in;
        }
        int colour = in.interpretation.colourBands;
        PointProducer.RowKernel kernel = switch (in.format) {
            case U8 -> (src, dst, x, y, pixels) -> {
                byte[] a = src.u8();
                byte[] b = dst.u8();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    for (int c = 0; c < colour; c++) {
                        b[o++] = a[i++];
                    }
                    b[o++] = (byte) 0xFF;
                }
            };
            case U16 -> (src, dst, x, y, pixels) -> {
                short[] a = src.u16();
                short[] b = dst.u16();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    for (int c = 0; c < colour; c++) {
                        b[o++] = a[i++];
                    }
                    b[o++] = (short) 0xFFFF;
                }
            };
            case F32 -> (src, dst, x, y, pixels) -> {
                float[] a = src.f32();
                float[] b = dst.f32();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    for (int c = 0; c < colour; c++) {
                        b[o++] = a[i++];
                    }
                    b[o++] = 1f;
                }
            };
        };
        return PointProducer.image(in, in.interpretation, true, in.format, () -> kernel);
    }
}
