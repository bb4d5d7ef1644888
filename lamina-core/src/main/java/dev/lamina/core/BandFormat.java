package dev.lamina.core;

/**
 * How one sample is stored. U8 and U16 are unsigned integers scaled so that the largest value
 * means 1.0; F32 holds the normalised value itself (0..1 for in-gamut data), so casting between
 * formats never needs to know which operation produced the data.
 */
public enum BandFormat {
    U8(1, 255),
    U16(2, 65535),
    F32(4, 1);

    /** Bytes one sample takes in memory. */
    public final int bytes;
    /** The stored value that means 1.0 (full intensity, opaque alpha). */
    public final int maxValue;

    BandFormat(int bytes, int maxValue) {
        this.bytes = bytes;
        this.maxValue = maxValue;
    }

    /** The wider of two formats: what two inputs are brought to before they are mixed. */
    public static BandFormat widest(BandFormat a, BandFormat b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
