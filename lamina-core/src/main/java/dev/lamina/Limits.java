package dev.lamina;

/**
 * Safe limits checked before memory is committed: decoders check the pixel count from the header
 * before they allocate any pixel memory. Raise them deliberately for trusted, huge inputs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPixels    largest width x height accepted from a file (default 268,402,689 = 16383^2, as libvips)
 * @param maxLayers    most layers in one composite
 * @param maxFileBytes largest encoded input read, in bytes
 */
public record Limits(long maxPixels, int maxLayers, long maxFileBytes) {
    public static final long DEFAULT_MAX_PIXELS = 268_402_689L;

    public Limits {
        if (maxPixels < 1 || maxLayers < 1 || maxFileBytes < 1) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "limits must be positive");
        }
    }

    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_PIXELS, 1000, 2L * 1024 * 1024 * 1024);
    }

    public Limits maxPixels(long n) {
        return new Limits(n, maxLayers, maxFileBytes);
    }

    public Limits maxLayers(int n) {
        return new Limits(maxPixels, n, maxFileBytes);
    }

    public Limits maxFileBytes(long n) {
        return new Limits(maxPixels, maxLayers, n);
    }

    /** Throws a clear error when a {@code width x height} image from {@code name} is over the pixel limit. */
    public void checkPixels(String name, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": invalid image size " + width + "x" + height);
        }
        if (width * height > maxPixels) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + width + "x" + height + " = " + (width * height)
                    + " pixels is over the limit of " + maxPixels);
        }
    }
}
