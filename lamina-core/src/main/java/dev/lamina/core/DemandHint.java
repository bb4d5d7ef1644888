package dev.lamina.core;

/**
 * How an operation prefers to be asked for pixels, as in libvips: the sink picks the strip height
 * from the tightest hint in the chain.
 */
public enum DemandHint {
    /** Full-width strips a few rows high: sequential decoders, row filters. */
    THINSTRIP(16),
    /** Full-width strips of moderate height: operations with a vertical margin. */
    FATSTRIP(128),
    /** Anything goes: point operations and in-memory images. */
    ANY(256);

    /** The largest strip height this hint asks for. */
    public final int maxRows;

    DemandHint(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The tighter of two hints. */
    public static DemandHint tightest(DemandHint a, DemandHint b) {
        return a.maxRows <= b.maxRows ? a : b;
    }
}
