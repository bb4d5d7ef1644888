package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rounding;

import java.util.Objects;

/**
 * Changes the band format (U8, U16, F32) while keeping the normalised value of every sample:
 * U8 to U16 multiplies by 257 (255 x 257 = 65535, exact); narrowing rounds with {@link Rounding};
 * F32 outside 0..1 is clamped when cast to an integer format (F32 to F32 keeps it).
 */
public final class Cast {

    private Cast() {
    }

    /** {@code in} in format {@code to}; {@code in} itself when it already is. */
    public static Image build(Image in, BandFormat to) {
        Objects.requireNonNull(to);
        if (in.format == to) {
            return in;
        }
        PointProducer.RowKernel kernel = kernel(in.format, to, in.bands);
        // The kernels keep no state, so every sequence can share one.
        return PointProducer.image(in, in.interpretation, in.hasAlpha, to, () -> kernel);
    }

    private static PointProducer.RowKernel kernel(BandFormat from, BandFormat to, int bands) {
        return switch (from) {
            case U8 -> switch (to) {
                case U16 -> (in, out, x, y, pixels) -> {
                    byte[] a = in.u8();
                    short[] b = out.u16();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        // v/255 = w/65535 exactly when w = 257 v
                        b[o + k] = (short) ((a[i + k] & 0xFF) * 257);
                    }
                };
                case F32 -> (in, out, x, y, pixels) -> {
                    byte[] a = in.u8();
                    float[] b = out.f32();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        b[o + k] = U8_TO_F32[a[i + k] & 0xFF];
                    }
                };
                default -> throw new AssertionError(to);
            };
            case U16 -> switch (to) {
                case U8 -> (in, out, x, y, pixels) -> {
                    short[] a = in.u16();
                    byte[] b = out.u8();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        // round(w x 255 / 65535) = round(w / 257). No w is within 0.5/257 of a half,
                        // so floor((w + 128) / 257) is the nearest integer and agrees with Rounding.toU8.
                        b[o + k] = (byte) (((a[i + k] & 0xFFFF) + 128) / 257);
                    }
                };
                case F32 -> (in, out, x, y, pixels) -> {
                    short[] a = in.u16();
                    float[] b = out.f32();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        b[o + k] = (float) ((a[i + k] & 0xFFFF) / 65535.0);
                    }
                };
                default -> throw new AssertionError(to);
            };
            case F32 -> switch (to) {
                case U8 -> (in, out, x, y, pixels) -> {
                    float[] a = in.f32();
                    byte[] b = out.u8();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        b[o + k] = (byte) Rounding.toU8(a[i + k]);   // clamps, and maps NaN to 0
                    }
                };
                case U16 -> (in, out, x, y, pixels) -> {
                    float[] a = in.f32();
                    short[] b = out.u16();
                    int i = in.index(x, y), o = out.index(x, y), n = pixels * bands;
                    for (int k = 0; k < n; k++) {
                        b[o + k] = (short) Rounding.toU16(a[i + k]);
                    }
                };
                default -> throw new AssertionError(to);
            };
        };
    }

    /** The float nearest to v/255, computed in double as the reference does. */
    private static final float[] U8_TO_F32 = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            U8_TO_F32[v] = (float) (v / 255.0);
        }
    }

}
