package dev.lamina.conversion;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.StripSink;

/**
 * Images from and to interleaved samples in Java arrays: {@code byte[]} (8 bits), {@code short[]}
 * (16 bits, read unsigned) or {@code float[]} (normalised, 1.0 = white). Bands: 1 grey, 2 grey and
 * alpha, 3 RGB, 4 RGBA; alpha is straight (not premultiplied), as in PNG.
 */
public final class RawPixels {
    private RawPixels() {
    }

    /** An image over a copy of {@code samples} (the caller may reuse the array afterwards). */
    public static Image image(Object samples, int width, int height, int bands) {
        if (width <= 0 || height <= 0) {
            throw LaminaException.badInput("raw pixels: invalid size " + width + "x" + height);
        }
        if (bands < 1 || bands > 4) {
            throw LaminaException.badInput("raw pixels: " + bands + " bands (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA)");
        }
        long expected = Limits.product(width, height, bands);
        BandFormat format;
        int length;
        switch (samples) {
            case byte[] a -> { format = BandFormat.U8; length = a.length; }
            case short[] a -> { format = BandFormat.U16; length = a.length; }
            case float[] a -> { format = BandFormat.F32; length = a.length; }
            case null -> throw LaminaException.badInput("raw pixels: no samples");
            default -> throw LaminaException.unsupported("raw pixels: " + samples.getClass().getSimpleName()
                    + " (use byte[], short[] or float[])");
        }
        if (length != expected) {
            throw LaminaException.badInput("raw pixels: " + length + " samples given, " + width + "x" + height
                    + "x" + bands + " = " + expected + " expected");
        }
        Region r = Region.allocate(Rect.of(width, height), bands, format);
        switch (format) {
            case U8 -> System.arraycopy(samples, 0, r.u8(), 0, length);
            case U16 -> System.arraycopy(samples, 0, r.u16(), 0, length);
            case F32 -> System.arraycopy(samples, 0, r.f32(), 0, length);
        }
        Interpretation interp = bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
        return MemorySource.image(r, interp, bands == 2 || bands == 4, Metadata.NONE);
    }

    /**
     * All samples of {@code image}, interleaved, after casting to {@code format} (rounded once). The
     * array is width x height x bands long, so the image must fit one Java array.
     */
    public static Object samples(Image image, BandFormat format, String name, Limits limits) {
        Image cast = Cast.build(image, format);
        cast.checkWhole(limits, name, "computing its " + image.width + "x" + image.height + " pixels into one array");
        Region all = cast.newRegion(cast.bounds());
        StripSink.run(cast, all::copyFrom);
        return switch (format) {
            case U8 -> all.u8();
            case U16 -> all.u16();
            case F32 -> all.f32();
        };
    }
}
