package dev.lamina.model;

import java.util.List;
import java.util.Objects;

/**
 * What a file says about its pixels besides the pixels: colour profile, gamma, rendering intent,
 * physical density, text, EXIF, XMP. It travels with the image through operations and is written
 * back by encoders that can store it.
 *
 * <p><b>One model for keeping and stripping</b> ({@link #keep(Keep)},
 * {@link LaminaImage#keepMetadata(Keep)}, {@code lamina --metadata}): everything is carried over by
 * default, as libvips does; {@link Keep#ICC_ONLY} drops what describes the picture's history and
 * owner (EXIF, XMP, PNG text) and keeps what says how to read its values (ICC profile, PNG gAMA and
 * sRGB); {@link Keep#NONE} drops those too. Density and orientation are kept in every mode: they
 * describe the pixels' geometry, not the photograph (an image not turned upright still gets a
 * minimal EXIF block holding only its orientation, so viewers show it the right way up).
 *
 * <p>EXIF (a JPEG's APP1 block or a PNG's eXIf chunk) and XMP (JPEG's APP1
 * {@code http://ns.adobe.com/xap/1.0/}, PNG's iTXt {@code XML:com.adobe.xmp}) are kept as raw
 * bytes and written back in either format, with only their orientation value brought in line with
 * {@code orientation}. {@code orientation} is the truth about the pixels here; an image turned
 * upright has orientation 1 whatever its EXIF block said.
 *
 * <p>Immutable and thread-safe (the arrays it returns must not be modified).
 * @param iccProfile  the raw ICC profile (PNG iCCP, decompressed; JPEG APP2), or null
 * @param iccName     the profile name PNG stores beside it, or null
 * @param gamma       PNG gAMA as stored (gamma x 100000), or 0 when absent
 * @param srgbIntent  PNG sRGB rendering intent 0-3, or -1 when absent
 * @param density     pixels per metre (x, y) and whether the unit is known, or null
 * @param texts       tEXt, zTXt and iTXt entries in file order (XMP is not among them)
 * @param orientation EXIF orientation 1-8 of the pixels as they are (1 = upright as stored)
 * @param exif        the raw EXIF block: the TIFF structure that starts with "II*\0" or "MM\0*"
 *                    (JPEG APP1 after its "Exif\0\0" code, PNG eXIf), or null. Only its header is
 *                    checked; damage past it is carried as it is. Not copied: do not change it.
 * @param xmp         the XMP packet as stored (UTF-8 XML: JPEG APP1 after its namespace, PNG iTXt
 *                    {@code XML:com.adobe.xmp}), or null. Not parsed; not copied.
 * @param pages       how many pages (images) the file holds, of which this is one (a multi-page
 *                    TIFF); 1 for single images. Read-only information: encoders ignore it
 */
public record Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density,
                       List<Text> texts, int orientation, byte[] exif, byte[] xmp, int pages) {

    /** No metadata at all. */
    public static final Metadata NONE = new Metadata(null, null, 0, -1, null, List.of(), 1, null, null);

    /** Which metadata an image keeps (see the class description). */
    public enum Keep {
        /** Everything the file said (the default). */
        ALL,
        /** The colour profile only (ICC, PNG gAMA and sRGB): no EXIF, no XMP, no text. */
        ICC_ONLY,
        /** Nothing but density and orientation: the values are then read as sRGB. */
        NONE
    }

    /** Metadata without XMP. */
    public Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density, List<Text> texts,
                    int orientation, byte[] exif) {
        this(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, null);
    }

    /** Metadata of a single image (one page). */
    public Metadata(byte[] iccProfile, String iccName, int gamma, int srgbIntent, Density density, List<Text> texts,
                    int orientation, byte[] exif, byte[] xmp) {
        this(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, xmp, 1);
    }

    public Metadata {
        texts = List.copyOf(Objects.requireNonNull(texts));
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
        if (pages < 1) {
            pages = 1;
        }
        if (exif != null && !startsWithTiffHeader(exif)) {
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
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, o, exif, xmp, pages);
    }

    /** The same metadata with this ICC profile (raw bytes, as {@link #iccProfile()}) and the name PNG stores beside it. */
    public Metadata withIcc(byte[] profile, String name) {
        return new Metadata(profile, name, gamma, srgbIntent, density, texts, orientation, exif, xmp, pages);
    }

    /** The same metadata with this EXIF block (a TIFF structure, see {@link #exif()}), or none for null. */
    public Metadata withExif(byte[] block) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, block, xmp, pages);
    }

    /** The same metadata for one of {@code n} pages of its file. */
    public Metadata withPages(int n) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, xmp, n);
    }

    /** The same metadata with this XMP packet (UTF-8 XML), or none for null. */
    public Metadata withXmp(byte[] packet) {
        return new Metadata(iccProfile, iccName, gamma, srgbIntent, density, texts, orientation, exif, packet, pages);
    }

    /** What {@code keep} keeps of this metadata; this same object when that is all of it. */
    public Metadata keep(Keep keep) {
        boolean history = exif != null || xmp != null || !texts.isEmpty();
        boolean colour = iccProfile != null || iccName != null || gamma != 0 || srgbIntent != -1;
        if (keep == Keep.ALL || !history && (keep == Keep.ICC_ONLY || !colour)) {
            return this;
        }
        return switch (keep) {
            case ALL -> this;
            case ICC_ONLY -> new Metadata(iccProfile, iccName, gamma, srgbIntent, density, List.of(), orientation,
                    null, null, pages);
            case NONE -> new Metadata(null, null, 0, -1, density, List.of(), orientation, null, null, pages);
        };
    }

    /**
     * "II*\0" or "MM\0*" and room for the first directory's offset. The codecs' ExifBlock parses
     * the rest; this copy of its first check keeps the vocabulary free of the codec family.
     */
    private static boolean startsWithTiffHeader(byte[] d) {
        return d.length >= 8 && (d[0] == 'I' && d[1] == 'I' && d[2] == 42 && d[3] == 0
                || d[0] == 'M' && d[1] == 'M' && d[2] == 0 && d[3] == 42);
    }
}
