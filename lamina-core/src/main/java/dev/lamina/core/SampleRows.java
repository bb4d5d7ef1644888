package dev.lamina.core;

import dev.lamina.simd.RowKernels;
import dev.lamina.simd.Vectors;

/**
 * Moves one run of samples between a region and a {@code double[]} of normalised values
 * (1.0 = full scale), rounding on the way back with {@link Rounding}. Operations that compute in
 * double pick the format once per row here, so their inner loops see only doubles and stay free
 * of per-pixel format switches.
 */
public final class SampleRows {
    private static final double[] U8_TO_UNIT = new double[256];
    private static final double U8_BIAS = 0.5 + Rounding.TIE_TOLERANCE;
    /** The vector forms of the U8 read and write (the same doubles and bytes), or null. */
    private static final RowKernels VECTOR = Vectors.rowKernels();

    static {
        for (int i = 0; i < 256; i++) {
            U8_TO_UNIT[i] = i / 255.0;
        }
    }

    private SampleRows() {
    }

    /** Reads {@code pixels} pixels of row y from x on, all bands, into dst[0..pixels*bands). */
    public static void read(Region src, int x, int y, int pixels, double[] dst) {
        int i = src.index(x, y);
        int n = pixels * src.bands;
        switch (src.format) {
            case U8 -> {
                if (VECTOR != null) {
                    VECTOR.u8ToUnit(src.u8(), i, dst, n);   // a table lookup has no vector form
                } else {
                    readU8(src.u8(), i, dst, n);
                }
            }
            case U16 -> {
                short[] a = src.u16();
                for (int k = 0; k < n; k++) {
                    dst[k] = (a[i + k] & 0xFFFF) / 65535.0;
                }
            }
            case F32 -> {
                float[] a = src.f32();
                for (int k = 0; k < n; k++) {
                    dst[k] = a[i + k];
                }
            }
        }
    }

    /** U8 samples to normalised doubles: {@code i / 255.0} from a table. */
    private static void readU8(byte[] a, int i, double[] dst, int n) {
        for (int k = 0; k < n; k++) {
            dst[k] = U8_TO_UNIT[a[i + k] & 0xFF];
        }
    }

    /**
     * Normalised doubles to U8: Rounding.toU8 without its branches, same results: the cast
     * truncates towards zero (NaN to 0), and the clamp takes negatives to 0 and everything past
     * 255 to 255.
     */
    private static void writeU8(double[] src, byte[] a, int i, int n) {
        for (int k = 0; k < n; k++) {
            int v = (int) (src[k] * 255.0 + U8_BIAS);
            a[i + k] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    /** Writes src[0..pixels*bands) to row y from x on, rounding to the region's format. */
    public static void write(double[] src, Region dst, int x, int y, int pixels) {
        int i = dst.index(x, y);
        int n = pixels * dst.bands;
        switch (dst.format) {
            case U8 -> {
                if (VECTOR != null) {
                    VECTOR.unitToU8(src, dst.u8(), i, n);
                } else {
                    writeU8(src, dst.u8(), i, n);
                }
            }
            case U16 -> {
                short[] a = dst.u16();
                for (int k = 0; k < n; k++) {
                    a[i + k] = (short) Rounding.toU16(src[k]);
                }
            }
            case F32 -> {
                float[] a = dst.f32();
                for (int k = 0; k < n; k++) {
                    a[i + k] = (float) src[k];
                }
            }
        }
    }
}
