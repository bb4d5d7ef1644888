package dev.lamina.core;

import java.util.Objects;

/**
 * Pixels of one rectangle, interleaved (band fastest), in one primitive array chosen by the band
 * format: {@code byte[]} for U8 (read with {@code & 0xFF}), {@code short[]} for U16 (read with
 * {@code & 0xFFFF}), {@code float[]} for F32. Inner loops index the array directly:
 * {@code index(x, y)} gives the first sample of a pixel and {@code stride} steps one row down.
 *
 * <p>A region is owned by the code that allocated it (a sink, or an operation's sequence for its
 * input requests) and is reused across requests when the rectangle fits, so steady-state
 * generation allocates nothing.
 */
public final class Region {
    private Rect rect;
    public final int bands;
    public final BandFormat format;
    private byte[] u8;
    private short[] u16;
    private float[] f32;
    private int capacitySamples;

    private Region(Rect rect, int bands, BandFormat format) {
        this.bands = bands;
        this.format = Objects.requireNonNull(format);
        resize(rect);
    }

    /** A region for {@code rect}; samples start at zero. */
    public static Region allocate(Rect rect, int bands, BandFormat format) {
        if (bands < 1 || bands > 4) {
            throw new IllegalArgumentException("bands must be 1 to 4, not " + bands);
        }
        return new Region(rect, bands, format);
    }

    /**
     * Points this region at another rectangle, growing the array only when it is too small. The
     * samples are unspecified afterwards: the caller is about to overwrite them.
     */
    public void resize(Rect newRect) {
        long samples = newRect.area() * bands;
        if (samples > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("region too large: " + newRect);
        }
        this.rect = newRect;
        if (samples > capacitySamples || (u8 == null && u16 == null && f32 == null)) {
            int n = (int) samples;
            switch (format) {
                case U8 -> u8 = new byte[n];
                case U16 -> u16 = new short[n];
                case F32 -> f32 = new float[n];
            }
            capacitySamples = n;
        }
    }

    /** Reuses {@code r} when it has the wanted layout, otherwise allocates a new region. */
    public static Region reuse(Region r, Rect rect, int bands, BandFormat format) {
        if (r != null && r.bands == bands && r.format == format) {
            r.resize(rect);
            return r;
        }
        return allocate(rect, bands, format);
    }

    public Rect rect() {
        return rect;
    }

    /** Samples per row. */
    public int stride() {
        return rect.width() * bands;
    }

    /** Index of the first sample of pixel (x, y), in image coordinates. */
    public int index(int x, int y) {
        assert x >= rect.x() && x < rect.right() && y >= rect.y() && y < rect.bottom()
                : "(" + x + "," + y + ") outside " + rect;
        return ((y - rect.y()) * rect.width() + (x - rect.x())) * bands;
    }

    public byte[] u8() {
        return u8;
    }

    public short[] u16() {
        return u16;
    }

    public float[] f32() {
        return f32;
    }

    /** One sample as a normalised double (1.0 = full scale). Slow: for tests and references. */
    public double sample(int x, int y, int band) {
        int i = index(x, y) + band;
        return switch (format) {
            case U8 -> (u8[i] & 0xFF) / 255.0;
            case U16 -> (u16[i] & 0xFFFF) / 65535.0;
            case F32 -> f32[i];
        };
    }

    /** The raw stored value of one sample (0..255, 0..65535, or the float). For tests. */
    public double raw(int x, int y, int band) {
        int i = index(x, y) + band;
        return switch (format) {
            case U8 -> u8[i] & 0xFF;
            case U16 -> u16[i] & 0xFFFF;
            case F32 -> f32[i];
        };
    }

    /**
     * Copies the overlap of {@code src} and this region from {@code src}, row by row. Both must
     * have the same bands and format.
     */
    public void copyFrom(Region src) {
        if (src.bands != bands || src.format != format) {
            throw new IllegalArgumentException("layout mismatch: " + src.bands + "x" + src.format
                    + " into " + bands + "x" + format);
        }
        Rect r = rect.intersect(src.rect);
        if (r.isEmpty()) {
            return;
        }
        int n = r.width() * bands;
        for (int y = r.y(); y < r.bottom(); y++) {
            int s = src.index(r.x(), y), d = index(r.x(), y);
            switch (format) {
                case U8 -> System.arraycopy(src.u8, s, u8, d, n);
                case U16 -> System.arraycopy(src.u16, s, u16, d, n);
                case F32 -> System.arraycopy(src.f32, s, f32, d, n);
            }
        }
    }

    /**
     * Copies the rows of {@code within} (which both regions must contain) from {@code src}: one
     * array copy when the rectangle spans whole rows of both, else one per row.
     */
    public void copyFrom(Region src, Rect within) {
        if (src.bands != bands || src.format != format) {
            throw new IllegalArgumentException("layout mismatch: " + src.bands + "x" + src.format
                    + " into " + bands + "x" + format);
        }
        if (within.isEmpty()) {
            return;
        }
        int s = src.index(within.x(), within.y()), d = index(within.x(), within.y());
        boolean wholeRows = within.x() == rect.x() && within.width() == rect.width()
                && within.x() == src.rect.x() && within.width() == src.rect.width();
        int n = within.width() * bands;
        int rows = wholeRows ? 1 : within.height();
        int length = wholeRows ? n * within.height() : n;
        for (int i = 0; i < rows; i++, s += src.stride(), d += stride()) {
            switch (format) {
                case U8 -> System.arraycopy(src.u8, s, u8, d, length);
                case U16 -> System.arraycopy(src.u16, s, u16, d, length);
                case F32 -> System.arraycopy(src.f32, s, f32, d, length);
            }
        }
    }

    /** Sets every sample of {@code r} (clipped to this region) to zero. */
    public void clear(Rect r) {
        Rect c = rect.intersect(r);
        if (c.isEmpty()) {
            return;
        }
        int n = c.width() * bands;
        for (int y = c.y(); y < c.bottom(); y++) {
            int d = index(c.x(), y);
            switch (format) {
                case U8 -> java.util.Arrays.fill(u8, d, d + n, (byte) 0);
                case U16 -> java.util.Arrays.fill(u16, d, d + n, (short) 0);
                case F32 -> java.util.Arrays.fill(f32, d, d + n, 0f);
            }
        }
    }

    @Override
    public String toString() {
        return "Region" + rect + " " + bands + "x" + format;
    }
}
