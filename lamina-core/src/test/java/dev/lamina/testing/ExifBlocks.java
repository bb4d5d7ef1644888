package dev.lamina.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * EXIF blocks (TIFF structures) written by hand for tests, as a camera lays them out: IFD0 with
 * Make, the orientation (optional; SHORT or LONG), XResolution and a pointer to an Exif sub-IFD
 * (DateTimeOriginal); IFD1 with a thumbnail (whose bytes look like JPEG markers). Built the same
 * way for any orientation value, so two blocks differ only in those bytes: the expected output of
 * "patch the orientation" is the same builder called with the new value.
 */
public final class ExifBlocks {
    private ExifBlocks() {
    }

    /** A block with an orientation SHORT of {@code orientation}, or no orientation tag when it is 0. */
    public static byte[] camera(boolean little, int orientation) {
        return camera(little, orientation, 3);
    }

    /** {@code type} 3 (SHORT) or 4 (LONG) for the orientation entry. */
    public static byte[] camera(boolean little, int orientation, int type) {
        return camera(little, orientation, type, 0, 0, 0);
    }

    /**
     * The same with PixelXDimension and PixelYDimension ({@code width}, {@code height}) in the Exif
     * sub-IFD as {@code sizeType} 3 (SHORT) or 4 (LONG), or without them when {@code sizeType} is 0.
     */
    public static byte[] camera(boolean little, int orientation, int type, int width, int height, int sizeType) {
        ByteBuffer b = ByteBuffer.allocate(512).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(little ? (byte) 'I' : (byte) 'M').put(little ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        int entries = orientation == 0 ? 3 : 4;
        int ifd0End = 8 + 2 + 12 * entries + 4;
        int make = ifd0End;                 // "Lamina\0": 7 bytes, too long to sit in the entry
        int xres = make + 8;                // RATIONAL 72/1
        int exifEntries = sizeType == 0 ? 1 : 3;
        int exifIfd = xres + 8;             // DateTimeOriginal, and the size when asked
        int date = exifIfd + 2 + 12 * exifEntries + 4;    // "2024:01:02 03:04:05\0"
        int ifd1 = date + 20;               // 2 entries
        int thumb = ifd1 + 2 + 24 + 4;
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 4, 1, 2, (byte) 0xFF, (byte) 0xD9};

        b.putShort((short) entries);
        entry(b, 0x010F, 2, 7, make);
        if (orientation != 0) {
            b.putShort((short) 0x0112).putShort((short) type).putInt(1);
            if (type == 3) {
                b.putShort((short) orientation).putShort((short) 0);
            } else {
                b.putInt(orientation);
            }
        }
        entry(b, 0x011A, 5, 1, xres);
        entry(b, 0x8769, 4, 1, exifIfd);
        b.putInt(ifd1);
        b.put("Lamina\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(72).putInt(1);
        b.putShort((short) exifEntries);
        entry(b, 0x9003, 2, 20, date);
        if (sizeType != 0) {
            sizeEntry(b, 0xA002, sizeType, width);
            sizeEntry(b, 0xA003, sizeType, height);
        }
        b.putInt(0);
        b.put("2024:01:02 03:04:05\0".getBytes(StandardCharsets.ISO_8859_1));
        b.putShort((short) 2);
        entry(b, 0x0201, 4, 1, thumb);
        entry(b, 0x0202, 4, 1, thumbnail.length);
        b.putInt(0);
        b.put(thumbnail);
        if (b.position() != thumb + thumbnail.length) {
            throw new AssertionError("layout");
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A SHORT (left-justified in the value field) or LONG entry of one value. */
    private static void sizeEntry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** The minimal block an encoder writes for an orientation alone: big-endian, one SHORT entry. */
    public static byte[] orientationOnly(int orientation) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
    }
}
