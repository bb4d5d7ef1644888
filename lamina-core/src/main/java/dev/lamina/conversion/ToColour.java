package dev.lamina.conversion;

import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;

/**
 * Grey to RGB by copying the grey value into red, green and blue (alpha kept), so that a grey
 * layer can be mixed with colour ones. An RGB image is returned as it is.
 */
public final class ToColour {

    private ToColour() {
    }

    public static Image build(Image in) {
        if (in.interpretation == Interpretation.RGB) {
            return in;
        }
        // 0 or 1 samples that follow the grey one and are copied unchanged: the alpha band
        int alpha = in.hasAlpha ? 1 : 0;
        PointProducer.RowKernel kernel = switch (in.format) {
            case U8 -> (src, dst, x, y, pixels) -> {
                byte[] a = src.u8();
                byte[] b = dst.u8();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    byte v = a[i++];
                    b[o++] = v;
                    b[o++] = v;
                    b[o++] = v;
                    for (int e = 0; e < alpha; e++) {
                        b[o++] = a[i++];
                    }
                }
            };
            case U16 -> (src, dst, x, y, pixels) -> {
                short[] a = src.u16();
                short[] b = dst.u16();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    short v = a[i++];
                    b[o++] = v;
                    b[o++] = v;
                    b[o++] = v;
                    for (int e = 0; e < alpha; e++) {
                        b[o++] = a[i++];
                    }
                }
            };
            case F32 -> (src, dst, x, y, pixels) -> {
                float[] a = src.f32();
                float[] b = dst.f32();
                int i = src.index(x, y), o = dst.index(x, y);
                for (int p = 0; p < pixels; p++) {
                    float v = a[i++];
                    b[o++] = v;
                    b[o++] = v;
                    b[o++] = v;
                    for (int e = 0; e < alpha; e++) {
                        b[o++] = a[i++];
                    }
                }
            };
        };
        return PointProducer.image(in, Interpretation.RGB, in.hasAlpha, in.format, () -> kernel);
    }
}
