package dev.lamina;

import java.util.List;
import java.util.Objects;

/**
 * What a file says about its pixels besides the pixels: colour profile, gamma, rendering intent,
 * physical density, text, EXIF orientation. It travels with the image through operations and is
 * written back by encoders that can store it.
 *
 * @param iccProfile  the raw ICC profile (PNG iCCP, decompressed; JPEG APP2), or null
 * @param iccName     the profile name PNG stores beside it, or null
 * @param gamma       PNG gAMA as stored (gamma x 100000), or 0 when absent
 * @param srgbIntent  PNG sRGB rendering intent 0-3, or -1 when absent
 * @param density     pixels per metre (x, y) and whether the unit is known, or null
 * @param texts       tEXt, zTXt and iTXt entries in file order
 * @param orientation EXIF orientation 1-8 as read from the file (1 = as stored)
 */
public record Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density,
                       List<Text> texts, int orientation) {

    /** No metadata at all. */
    public static final Metadata NONE = new Metadata(null, null, 0, -1, null, List.of(), 1);

    public Metadata {
        texts = List.copyOf(Objects.requireNonNull(texts));
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
    }

    /** Physical pixel density; {@code metre} false means only the aspect ratio is known. */
    public record Density(long pixelsPerUnitX, long pixelsPerUnitY, boolean metre) {
    }

    /** One text entry. {@code compressed} says how PNG stored it (zTXt, or compressed iTXt). */
    public record Text(String keyword, String text, String language, boolean international, boolean compressed) {
        public Text(String keyword, String text) {
            this(keyword, text, null, false, false);
        }
    }

    public Metadata withOrientation(int o) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, o);
    }

    public Metadata withIcc(byte[] profile, String name) {
        return new Metadata(profile, name, gamma, srgbIntent, density, texts, orientation);
    }
}
