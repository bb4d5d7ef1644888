package dev.lamina.codec.jpeg;

/** Reads the orientation tag (0x0112) from IFD0 of an EXIF TIFF block; 1 when absent or damaged. */
final class ExifOrientation {
    private ExifOrientation() {
    }

    static int read(byte[] d, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (d[tiff] == 'I' && d[tiff + 1] == 'I') {
            little = true;
        } else if (d[tiff] == 'M' && d[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(d, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int p = (int) (tiff + ifd);
        int count = u16(d, p, little);
        p += 2;
        for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
            if (u16(d, p, little) == 0x0112) {
                int type = u16(d, p + 2, little);
                int v = type == 3 ? u16(d, p + 8, little) : type == 4 ? (int) u32(d, p + 8, little) : 1;
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
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
}
