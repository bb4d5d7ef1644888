package dev.lamina.model;

/**
 * Safe limits checked before work or memory is committed. Raise them deliberately for trusted,
 * huge inputs.
 *
 * <p>Decoders check the pixel count from the header before they allocate any pixel memory, and
 * the file's size before they read it. The memory budget bounds every buffer whose size an input
 * (or a requested output size) decides and that grows with more than a strip of rows: a
 * whole-image buffer (an interlaced PNG, the coefficients of a progressive JPEG, a materialised,
 * pinned or {@code pixels8()} image), a resampling weight table, and the rows a stage keeps (a
 * line cache's ring, a decoder's rows, a resample pass's rows), which only an absurdly wide image
 * makes large. Each such buffer is checked against the budget before it is allocated, so an input
 * over it fails with {@link LaminaException.Kind#LIMIT_EXCEEDED} naming the input instead of
 * running the JVM out of memory. The budget is per buffer, not a running total: a pipeline holds
 * a few of them at once at most (one per input and stage). The default (512 MiB, as image-rs'
 * {@code max_alloc}) holds a 50-megapixel progressive JPEG or a 100-megapixel interlaced RGBA PNG
 * many times over a 4K one; a service with a small heap should lower it to what one request may
 * take (docs/decisions.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPixels      largest width x height accepted from a file (default 268,402,689 = 16383^2, as libvips)
 * @param maxLayers      most layers in one composite
 * @param maxFileBytes   largest encoded input read, in bytes
 * @param maxMemoryBytes largest buffer an input may make Lamina allocate, in bytes (default 512 MiB)
 */
public record Limits(long maxPixels, int maxLayers, long maxFileBytes, long maxMemoryBytes) {
    public static final long DEFAULT_MAX_PIXELS = 268_402_689L;
    public static final long DEFAULT_MAX_MEMORY_BYTES = 512L * 1024 * 1024;

    public Limits {
        if (maxPixels < 1 || maxLayers < 1 || maxFileBytes < 1 || maxMemoryBytes < 1) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "limits must be positive");
        }
    }

    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_PIXELS, 1000, 2L * 1024 * 1024 * 1024, DEFAULT_MAX_MEMORY_BYTES);
    }

    public Limits maxPixels(long n) {
        return new Limits(n, maxLayers, maxFileBytes, maxMemoryBytes);
    }

    public Limits maxLayers(int n) {
        return new Limits(maxPixels, n, maxFileBytes, maxMemoryBytes);
    }

    public Limits maxFileBytes(long n) {
        return new Limits(maxPixels, maxLayers, n, maxMemoryBytes);
    }

    public Limits maxMemoryBytes(long n) {
        return new Limits(maxPixels, maxLayers, maxFileBytes, n);
    }

    /** Throws a clear error when a {@code width x height} image from {@code name} is over the pixel limit. */
    public void checkPixels(String name, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": invalid image size " + width + "x" + height);
        }
        long pixels = product(width, height);
        if (pixels > maxPixels) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + width + "x" + height + " = "
                    + (pixels == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(pixels))
                    + " pixels is over the pixel limit of " + maxPixels);
        }
    }

    /** Throws a clear error when an encoded input of {@code bytes} bytes is over the file size limit. */
    public void checkFileBytes(String name, long bytes) {
        if (bytes > maxFileBytes) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + bytes
                    + " bytes is over the file size limit of " + maxFileBytes + " bytes");
        }
    }

    /**
     * Throws a clear error when {@code what} (for example "decoding the interlaced image whole")
     * would allocate {@code bytes} bytes for {@code name}, more than the memory budget. Callers
     * compute {@code bytes} with {@link #product}, which saturates instead of overflowing.
     */
    public void checkMemory(String name, long bytes, String what) {
        if (bytes > maxMemoryBytes) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + what + " needs "
                    + describeBytes(bytes) + ", over the memory budget of " + describeBytes(maxMemoryBytes));
        }
    }

    /**
     * The product of non-negative factors, or {@link Long#MAX_VALUE} when it does not fit a long:
     * sizes computed from untrusted headers never wrap around to something small.
     */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("negative size factor " + f);
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** A byte count for people: "805306368 bytes (768 MiB)". */
    static String describeBytes(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than " + Long.MAX_VALUE + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        double mib = bytes / (1024.0 * 1024.0);
        String unit = mib >= 10 * 1024 ? String.format(java.util.Locale.ROOT, "%.0f GiB", mib / 1024)
                : mib >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f GiB", mib / 1024)
                : String.format(java.util.Locale.ROOT, "%.0f MiB", mib);
        return bytes + " bytes (" + unit + ")";
    }
}
