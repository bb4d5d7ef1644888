package dev.lamina.codec.metadata;

import dev.lamina.model.Metadata;

/**
 * The little EXIF handling the codecs need, on the raw TIFF structure (the block after JPEG APP1's
 * "Exif\0\0", or a PNG eXIf chunk): read IFD0's orientation tag (0x0112), and give the block to
 * write with that tag's value set to the image's orientation and, as libvips does, the Exif
 * sub-IFD's PixelXDimension and PixelYDimension (0xA002, 0xA003) set to the pixels written (a
 * thumbnail must not claim the camera's 4000x3000). Values are patched in place in a copy;
 * nothing else is changed: other tags, the GPS sub-IFD and IFD1 with its thumbnail keep their
 * bytes and offsets, so damage anywhere but those entries is carried as it is.
 */
public final class ExifBlock {
    /** Tag of the orientation in IFD0 (EXIF 2.32, TIFF 6.0). */
    static final int ORIENTATION = 0x0112;
    /** Tag of IFD0's pointer to the Exif sub-IFD, and the sub-IFD's image size tags (EXIF 2.32). */
    static final int EXIF_IFD = 0x8769;
    static final int PIXEL_X = 0xA002;
    static final int PIXEL_Y = 0xA003;
    /** The most a JPEG APP1 segment holds after its length field and "Exif\0\0": 65535 - 2 - 6. */
    public static final int MAX_JPEG_BLOCK = 65527;

    private ExifBlock() {
    }

    /** Whether {@code d[from..end)} starts with a TIFF header: byte order, 42, and room for the IFD0 offset. */
    public static boolean isTiffHeader(byte[] d, int from, int end) {
        if (from < 0 || end > d.length || end - from < 8) {
            return false;
        }
        byte a = d[from];
        byte b = d[from + 1];
        byte c = d[from + 2];
        byte e = d[from + 3];
        return a == 'I' && b == 'I' && c == 42 && e == 0
                || a == 'M' && b == 'M' && c == 0 && e == 42;
    }

    /** The orientation tag's value 1-8 in the block's IFD0; 1 when absent, out of range or damaged. */
    public static int orientation(byte[] tiff) {
        int at = valueAt(tiff, ifd0(tiff), ORIENTATION);
        if (at < 0) {
            return 1;
        }
        boolean little = tiff[0] == 'I';
        int v = (int) (type(tiff, at) == 3 ? u16(tiff, at, little) : u32(tiff, at, little));
        return v >= 1 && v <= 8 ? v : 1;
    }

    /**
     * The TIFF block an encoder writes for {@code m}, or null for none:
     * <ul>
     * <li>{@code m}'s EXIF block (if it is at most {@code maxBytes}) in a copy whose IFD0
     *     orientation value is {@code m.orientation()}, so a file turned upright says 1 and viewers
     *     do not turn it again, and whose PixelXDimension/PixelYDimension (when present) are
     *     {@code width} and {@code height};</li>
     * <li>the same copy when the block has no orientation tag and the orientation is 1;</li>
     * <li>else, when the orientation is not 1, a minimal block holding only the orientation (the
     *     original block is dropped: adding an entry to IFD0 would move every offset after it);</li>
     * <li>else nothing.</li>
     * </ul>
     */
    public static byte[] forWriting(Metadata m, int maxBytes, int width, int height) {
        byte[] block = m.exif();
        int o = m.orientation();
        if (block != null && block.length <= maxBytes) {
            int at = valueAt(block, ifd0(block), ORIENTATION);
            if (at < 0 && o != 1) {
                return minimal(o);
            }
            byte[] copy = block.clone();
            // The size of the pixels as written; a SHORT entry that cannot hold it is left alone.
            long exif = u32At(copy, valueAt(copy, ifd0(copy), EXIF_IFD));
            int x = valueAt(copy, exif, PIXEL_X);
            int y = valueAt(copy, exif, PIXEL_Y);
            if (x >= 0 && (type(copy, x) == 4 || width <= 0xFFFF)) {
                put(copy, x, width);
            }
            if (y >= 0 && (type(copy, y) == 4 || height <= 0xFFFF)) {
                put(copy, y, height);
            }
            // The orientation last: in a damaged block whose sub-IFD overlaps IFD0 the entries above
            // may share bytes with it, and the orientation is the one a viewer must read right.
            if (at >= 0) {
                put(copy, at, o);
            }
            // Still not readable back (the patches above rewrote IFD0 itself): the minimal block
            // says the orientation, which matters more than the damaged block's other tags.
            return orientation(copy) == o ? copy : minimal(o);
        }
        return o == 1 ? null : minimal(o);
    }

    /** Writes {@code v} into the SHORT or LONG value field at {@code at}. */
    private static void put(byte[] d, int at, int v) {
        boolean little = d[0] == 'I';
        if (type(d, at) == 3) {
            put16(d, at, v, little);
        } else {
            put16(d, little ? at + 2 : at, v >>> 16, little);
            put16(d, little ? at : at + 2, v, little);
        }
    }

    /** A big-endian TIFF header and an IFD0 with one entry, the orientation as a SHORT; no next IFD. */
    static byte[] minimal(int orientation) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
    }

    /** Offset of IFD0 in a block with a TIFF header, else -1. */
    private static long ifd0(byte[] d) {
        return d == null || !isTiffHeader(d, 0, d.length) ? -1 : u32(d, 4, d[0] == 'I');
    }

    /** The LONG in the value field at {@code at}, or -1 when there is none. */
    private static long u32At(byte[] d, int at) {
        return at < 0 || type(d, at) != 4 ? -1 : u32(d, at, d[0] == 'I');
    }

    /**
     * Offset of the value field of {@code tag}'s entry in the IFD at {@code ifd} when it holds one
     * SHORT or LONG in place (as every writer stores these tags), else -1. Every offset is checked
     * against the block.
     */
    static int valueAt(byte[] d, long ifd, int tag) {
        if (d == null || ifd < 8 || ifd + 2 > d.length) {
            return -1;
        }
        boolean little = d[0] == 'I';
        int p = (int) ifd;
        int count = u16(d, p, little);
        p += 2;
        for (int i = 0; i < count && p + 12 <= d.length; i++, p += 12) {
            if (u16(d, p, little) == tag) {
                int type = u16(d, p + 2, little);
                boolean inPlace = (type == 3 || type == 4) && u32(d, p + 4, little) == 1;
                return inPlace ? p + 8 : -1;
            }
        }
        return -1;
    }

    private static int type(byte[] d, int valueAt) {
        return u16(d, valueAt - 6, d[0] == 'I');
    }

    private static int u16(byte[] d, int p, boolean little) {
        int a = d[p] & 0xFF;
        int b = d[p + 1] & 0xFF;
        return little ? a | (b << 8) : (a << 8) | b;
    }

    private static long u32(byte[] d, int p, boolean little) {
        long hi = u16(d, little ? p + 2 : p, little);
        long lo = u16(d, little ? p : p + 2, little);
        return (hi << 16) | lo;
    }

    private static void put16(byte[] d, int p, int v, boolean little) {
        d[p + (little ? 0 : 1)] = (byte) v;
        d[p + (little ? 1 : 0)] = (byte) (v >> 8);
    }
}
