package dev.lamina;

import dev.lamina.codec.ExifBlock;

import java.util.List;
import java.util.Objects;

/**
 * What a file says about its pixels besides the pixels: colour profile, gamma, rendering intent,
 * physical density, text, EXIF. It travels with the image through operations and is written back by
 * encoders that can store it.
 *
 * <p>EXIF is carried over by default, as libvips does (sharp strips it unless asked): a JPEG's APP1
 * block or a PNG's eXIf chunk is kept as raw bytes and written back, with only its orientation
 * value brought in line with {@code orientation}. {@code orientation} is the truth about the pixels
 * here; an image turned upright has orientation 1 whatever its EXIF block said. To drop the block
 * (camera serial numbers, GPS...), use {@link #withExif withExif(null)} or
 * {@link LaminaImage#withoutExif()}.
 *
 * <p>Immutable and thread-safe (the arrays it returns must not be modified).
 * @param iccProfile  the raw ICC profile (PNG iCCP, decompressed; JPEG APP2), or null
 * @param iccName     the profile name PNG stores beside it, or null
 * @param gamma       PNG gAMA as stored (gamma x 100000), or 0 when absent
 * @param srgbIntent  PNG sRGB rendering intent 0-3, or -1 when absent
 * @param density     pixels per metre (x, y) and whether the unit is known, or null
 * @param texts       tEXt, zTXt and iTXt entries in file order
 * @param orientation EXIF orientation 1-8 of the pixels as they are (1 = upright as stored)
 * @param exif        the raw EXIF block: the TIFF structure that starts with "II*\0" or "MM\0*"
 *                    (JPEG APP1 after its "Exif\0\0" code, PNG eXIf), or null. Only its header is
 *                    checked; damage past it is carried as it is. Not copied: do not change it.
 * @param pages       how many pages (images) the file holds, of which this is one (a multi-page
 *                    TIFF); 1 for single images. Read-only information: encoders ignore it
 */
public record Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density,
                       List<Text> texts, int orientation, byte[] exif, int pages) {

    /** No metadata at all. */
    public static final Metadata NONE = new Metadata(null, null, 0, -1, null, List.of(), 1, null);

    /** Metadata of a single image (one page). */
    public Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density,
                    List<Text> texts, int orientation, byte[] exif) {
        this(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, 1);
    }

    public Metadata {
        texts = List.copyOf(Objects.requireNonNull(texts));
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
        if (pages < 1) {
            pages = 1;
        }
        if (exif != null && !ExifBlock.isTiffHeader(exif, 0, exif.length)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "an EXIF block must start with a TIFF header (\"II*\\0\" or \"MM\\0*\"), "
                    + "without JPEG's \"Exif\\0\\0\" code");
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
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, o, exif, pages);
    }

    public Metadata withIcc(byte[] profile, String name) {
        return new Metadata(profile, name, gamma, srgbIntent, density, texts, orientation, exif, pages);
    }

    /** The same metadata with this EXIF block (a TIFF structure, see {@link #exif()}), or none for null. */
    public Metadata withExif(byte[] block) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, block, pages);
    }

    /** The same metadata for one of {@code n} pages of its file. */
    public Metadata withPages(int n) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, n);
    }
}
