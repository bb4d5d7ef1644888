package dev.lamina.codec.imageio;

import dev.lamina.LaminaException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What Lamina reads and writes in a JPEG's marker segments itself, without ImageIO: the frame
 * header (size, components, process), the EXIF orientation (APP1) and the ICC profile (APP2).
 * ImageIO's metadata tree would give these too, but its EXIF support is nil and its ICC handling
 * fails on profiles it does not like; the bytes are simple enough to read directly.
 *
 * <p>Every read is bounds-checked: a bad length is reported as a truncated or corrupt file, and a
 * malformed EXIF block is ignored (orientation 1), as image viewers do.
 */
final class JpegMarkers {
    static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0, APP1 = 0xE1, APP2 = 0xE2;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    /** Largest ICC chunk: a segment holds 65535 bytes less its length field (2) and the ICC header (14). */
    static final int ICC_CHUNK = 65535 - 2 - 14;

    /** What the header says, read up to the first scan. */
    record Header(int width, int height, int components, int sofMarker, int orientation, byte[] iccProfile) {
        boolean progressive() {
            return sofMarker == 0xC2 || sofMarker == 0xC6 || sofMarker == 0xCA || sofMarker == 0xCE;
        }
    }

    private JpegMarkers() {
    }

    static boolean startsWithSoi(byte[] d) {
        return d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == SOI && (d[2] & 0xFF) == 0xFF;
    }

    /** Walks the marker segments from SOI to the first SOS. {@code name} names the input in errors. */
    static Header readHeader(byte[] d, String name) {
        int p = 2;
        int width = 0, height = 0, components = 0, sof = 0, orientation = 0;
        byte[][] iccChunks = null;
        boolean iccBroken = false;
        while (true) {
            // Markers may be preceded by any number of 0xFF fill bytes.
            if (p >= d.length || (d[p] & 0xFF) != 0xFF) {
                throw new LaminaException(name + ": " + (p >= d.length ? "truncated JPEG (ends in the header)"
                        : "corrupt JPEG (no marker at byte " + p + ")"));
            }
            while (p < d.length && (d[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= d.length) {
                throw new LaminaException(name + ": truncated JPEG (ends in the header)");
            }
            int marker = d[p++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;   // markers without a length
            }
            if (marker == EOI || marker == SOI) {
                throw new LaminaException(name + ": corrupt JPEG (" + (marker == EOI ? "EOI" : "second SOI")
                        + " before any image data)");
            }
            if (p + 2 > d.length) {
                throw new LaminaException(name + ": truncated JPEG (ends in the header)");
            }
            int length = u16(d, p, false);
            if (length < 2) {
                throw new LaminaException(name + ": corrupt JPEG (segment length " + length + " at byte " + p + ")");
            }
            if (p + length > d.length) {
                throw new LaminaException(name + ": truncated JPEG (a header segment runs past the end)");
            }
            int body = p + 2, bodyLength = length - 2;
            if (isSof(marker)) {
                if (bodyLength < 6) {
                    throw new LaminaException(name + ": corrupt JPEG (frame header too short)");
                }
                sof = marker;
                height = u16(d, body + 1, false);
                width = u16(d, body + 3, false);
                components = d[body + 5] & 0xFF;
            } else if (marker == APP1 && orientation == 0 && startsWith(d, body, bodyLength, EXIF)) {
                orientation = exifOrientation(d, body + EXIF.length, body + bodyLength);
            } else if (marker == APP2 && startsWith(d, body, bodyLength, ICC) && bodyLength >= ICC.length + 2) {
                int seq = d[body + ICC.length] & 0xFF, count = d[body + ICC.length + 1] & 0xFF;
                if (iccChunks == null) {
                    iccChunks = new byte[Math.max(count, 1)][];
                }
                if (count != iccChunks.length || seq < 1 || seq > count || iccChunks[seq - 1] != null) {
                    iccBroken = true;
                } else {
                    int from = body + ICC.length + 2;
                    iccChunks[seq - 1] = java.util.Arrays.copyOfRange(d, from, body + bodyLength);
                }
            } else if (marker == SOS) {
                if (sof == 0) {
                    throw new LaminaException(name + ": corrupt JPEG (scan before the frame header)");
                }
                return new Header(width, height, components, sof, orientation == 0 ? 1 : orientation,
                        iccBroken ? null : join(iccChunks));
            }
            p += length;
        }
    }

    private static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    /**
     * The Orientation tag (0x0112) of IFD0 of the TIFF structure in an EXIF block, or 1 when the
     * block is malformed or has none. Byte order "II" is little-endian, "MM" big-endian.
     */
    static int exifOrientation(byte[] d, int tiff, int end) {
        if (end - tiff < 8) {
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
        if (u16(d, tiff + 2, little) != 42) {
            return 1;
        }
        long ifd = u32(d, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int entries = u16(d, tiff + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int e = tiff + (int) ifd + 2 + 12 * i;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(d, e, little) == 0x0112) {
                int type = u16(d, e + 2, little);
                // SHORT (3) as the standard says; some writers use LONG (4). The value sits left-aligned.
                long v = type == 3 ? u16(d, e + 8, little) : type == 4 ? u32(d, e + 8, little) : 0;
                return v >= 1 && v <= 8 ? (int) v : 1;
            }
        }
        return 1;
    }

    private static byte[] join(byte[][] chunks) {
        if (chunks == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) {
                return null;   // a chunk is missing: a partial profile is worse than none
            }
            out.writeBytes(c);
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    /** A minimal EXIF APP1 segment (big-endian TIFF, one IFD0 entry) saying {@code orientation}. */
    static byte[] exifSegment(int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,              // header, IFD0 at offset 8
                0, 1,                                     // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,   // Orientation, SHORT, 1 value
                0, 0, 0, 0};                              // no next IFD
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(EXIF);
        body.writeBytes(tiff);
        return segment(APP1, body.toByteArray());
    }

    /** The profile as APP2 ICC_PROFILE segments, numbered from 1. */
    static List<byte[]> iccSegments(byte[] profile) {
        int count = (profile.length + ICC_CHUNK - 1) / ICC_CHUNK;
        if (count > 255) {
            throw new LaminaException("ICC profile of " + profile.length + " bytes is too large for JPEG");
        }
        List<byte[]> segments = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = i * ICC_CHUNK, to = Math.min(profile.length, from + ICC_CHUNK);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(ICC);
            body.write(i + 1);
            body.write(count);
            body.write(profile, from, to - from);
            segments.add(segment(APP2, body.toByteArray()));
        }
        return segments;
    }

    private static byte[] segment(int marker, byte[] body) {
        int length = body.length + 2;
        byte[] s = new byte[length + 2];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) (length >> 8);
        s[3] = (byte) length;
        System.arraycopy(body, 0, s, 4, body.length);
        return s;
    }

    /**
     * {@code jpeg} with {@code segments} inserted after SOI and the APP0 (JFIF) segment that must
     * come first, if there is one.
     */
    static byte[] insertAfterApp0(byte[] jpeg, List<byte[]> segments) {
        if (segments.isEmpty()) {
            return jpeg;
        }
        int at = 2;
        if (jpeg.length > 6 && (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            at = 4 + u16(jpeg, 4, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        out.write(jpeg, 0, at);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] d, int at, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] d, int p, boolean little) {
        int a = d[p] & 0xFF, b = d[p + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] d, int p, boolean little) {
        long hi = u16(d, little ? p + 2 : p, little), lo = u16(d, little ? p : p + 2, little);
        return hi << 16 | lo;
    }
}
