package dev.lamina.codec;

import dev.lamina.Metadata;

/**
 * The little EXIF handling the codecs need, on the raw TIFF structure (the block after JPEG APP1's
 * "Exif\0\0", or a PNG eXIf chunk): read IFD0's orientation tag (0x0112), and give the block to
 * write with that tag's value set to the image's orientation. Nothing else in the block is parsed
 * or changed: other tags, sub-IFDs (Exif, GPS) and IFD1 with its thumbnail keep their bytes and
 * offsets, so damage anywhere but the IFD0 entries is carried as it is.
 */
public final class ExifBlock {
    /** Tag of the orientation in IFD0 (EXIF 2.32, TIFF 6.0). */
    static final int ORIENTATION = 0x0112;
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
        int at = orientationValueAt(tiff);
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
     *     do not turn it again;</li>
     * <li>the block unchanged when it has no orientation tag and the orientation is 1;</li>
     * <li>else, when the orientation is not 1, a minimal block holding only the orientation (the
     *     original block is dropped: adding an entry to IFD0 would move every offset after it);</li>
     * <li>else nothing.</li>
     * </ul>
     */
    public static byte[] forWriting(Metadata m, int maxBytes) {
        byte[] block = m.exif();
        int o = m.orientation();
        if (block != null && block.length <= maxBytes) {
            int at = orientationValueAt(block);
            if (at >= 0) {
                byte[] copy = block.clone();
                boolean little = copy[0] == 'I';
                if (type(copy, at) == 3) {
                    put16(copy, at, o, little);
                } else {
                    put16(copy, little ? at + 2 : at, 0, little);
                    put16(copy, little ? at : at + 2, o, little);
                }
                return copy;
            }
            if (o == 1) {
                return block;
            }
        }
        return o == 1 ? null : minimal(o);
    }

    /** A big-endian TIFF header and an IFD0 with one entry, the orientation as a SHORT; no next IFD. */
    static byte[] minimal(int orientation) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
    }

    /**
     * Offset of the value field of IFD0's orientation entry when it holds one SHORT or LONG in
     * place (as every writer stores it), else -1. Every offset is checked against the block.
     */
    static int orientationValueAt(byte[] d) {
        if (d == null || !isTiffHeader(d, 0, d.length)) {
            return -1;
        }
        boolean little = d[0] == 'I';
        long ifd = u32(d, 4, little);
        if (ifd < 8 || ifd + 2 > d.length) {
            return -1;
        }
        int p = (int) ifd;
        int count = u16(d, p, little);
        p += 2;
        for (int i = 0; i < count && p + 12 <= d.length; i++, p += 12) {
            if (u16(d, p, little) == ORIENTATION) {
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
