package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXIF orientation, ICC profiles in several APP2 segments, JFIF density. */
class JpegMetadataTest {

    /** The file with {@code segment} (a whole marker segment) inserted right after SOI. */
    static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A little-endian EXIF block with two IFD0 entries, orientation second. */
    static byte[] exif(int orientation) {
        byte[] b = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
                2, 0,
                0x0F, 0x01, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0,                  // Make, ASCII, 1 char
                0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, // Orientation, SHORT
                0, 0, 0, 0};
        return segment(0xE1, b);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsApplied(int orientation) {
        int w = 24;
        int h = 16;
        BufferedImage src = JpegTestSupport.crop(w, h, false);
        byte[] plain = JpegTestSupport.writeJdk(src, Mode.baseline(1, 1));
        byte[] jpeg = insertAfterSoi(plain, exif(orientation));
        BufferedImage stored = JpegTestSupport.readWith(plain, true);
        Image image = Decoders.open(jpeg, "o.jpg", LoadOptions.defaults());   // the path every user takes
        boolean swap = orientation >= 5;
        assertEquals(swap ? h : w, image.width);
        assertEquals(swap ? w : h, image.height);
        assertEquals(1, image.metadata.orientation());
        byte[] got = JpegTestSupport.samples(image);
        // where each displayed pixel comes from, by the EXIF definition of each value
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                int sx = switch (orientation) {
                    case 1, 4 -> x;
                    case 2, 3 -> w - 1 - x;
                    case 5, 6 -> y;
                    default -> w - 1 - y;
                };
                int sy = switch (orientation) {
                    case 1, 2 -> y;
                    case 3, 4 -> h - 1 - y;
                    case 5, 8 -> x;
                    default -> h - 1 - x;
                };
                int rgb = stored.getRGB(sx, sy);
                int i = (y * image.width + x) * 3;
                assertEquals(rgb >> 16 & 255, got[i] & 255, "(" + x + "," + y + ")");
                assertEquals(rgb & 255, got[i + 2] & 255);
            }
        }
        Image raw = JpegDecoder.open(jpeg, "o.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(orientation, raw.metadata.orientation());
        assertEquals(w, raw.width);
    }

    @Test
    void iccProfileFromSeveralApp2SegmentsInAnyOrder() {
        byte[] profile = new byte[3000];
        for (int i = 0; i < profile.length; i++) {
            profile[i] = (byte) (i * 7);
        }
        byte[][] parts = new byte[3][];
        for (int k = 0; k < 3; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
            b.write(k + 1);
            b.write(3);
            b.write(profile, k * 1000, 1000);
            parts[k] = segment(0xE2, b.toByteArray());
        }
        byte[] plain = JpegTestSupport.writeJdk(JpegTestSupport.crop(16, 16, false), Mode.baseline(2, 2));
        byte[] jpeg = insertAfterSoi(plain, parts[1], parts[0], parts[2]);
        Image image = JpegDecoder.open(jpeg, "icc.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertArrayEquals(profile, image.metadata.iccProfile());
        // a missing piece: no profile rather than a broken one
        byte[] broken = insertAfterSoi(plain, parts[0], parts[2]);
        assertNull(JpegDecoder.open(broken, "icc.jpg", Limits.defaults(), JpegDecodeOptions.defaults()).metadata.iccProfile());
        // pixels are not affected
        assertArrayEquals(JpegTestSupport.samples(JpegTestSupport.readWith(plain, true), 3), JpegTestSupport.samples(image));
    }

    @Test
    void jfifDensity() {
        byte[] plain = JpegTestSupport.writeJdk(JpegTestSupport.crop(16, 16, false), Mode.baseline(2, 2));
        // rewrite the JDK's JFIF APP0 (units at offset 13, densities at 14 and 16 from SOI's end)
        assertEquals('J', plain[6]);
        for (int[] c : new int[][] {{1, 300, 150, 11811, 5906, 1}, {2, 40, 40, 4000, 4000, 1}, {0, 2, 1, 2, 1, 0}}) {
            byte[] d = plain.clone();
            d[13] = (byte) c[0];
            d[14] = (byte) (c[1] >> 8);
            d[15] = (byte) c[1];
            d[16] = (byte) (c[2] >> 8);
            d[17] = (byte) c[2];
            Image image = JpegDecoder.open(d, "d.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
            assertEquals(c[3], image.metadata.density().pixelsPerUnitX());
            assertEquals(c[4], image.metadata.density().pixelsPerUnitY());
            assertEquals(c[5] == 1, image.metadata.density().metre());
        }
        assertTrue(JpegFrame.parse(plain, "x", Limits.defaults()).jfif);
    }
}
