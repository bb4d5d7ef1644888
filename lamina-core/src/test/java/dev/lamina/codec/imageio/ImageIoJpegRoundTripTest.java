package dev.lamina.codec.imageio;

import dev.lamina.JpegOptions;
import dev.lamina.JpegOptions.Subsampling;
import dev.lamina.Limits;
import dev.lamina.Metadata;
import dev.lamina.conversion.Cast;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.lamina.codec.imageio.JpegTestFiles.coffee;
import static dev.lamina.codec.imageio.JpegTestFiles.encode;
import static dev.lamina.codec.imageio.JpegTestFiles.image;
import static dev.lamina.codec.imageio.JpegTestFiles.psnr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageIoJpegRoundTripTest {

    private static Image decode(byte[] jpeg) {
        return ImageIoJpegDecoder.open(jpeg, "test.jpg", Limits.defaults(), true);
    }

    /**
     * PSNR of the photo after a round trip, against lower bounds that grow with quality. The bounds
     * sit 1-2 dB under what the JDK's codec measured (printed), so they catch a wrong table, a
     * swapped channel or a shifted row, none of which lands within 10 dB of them.
     */
    @Test
    void photoRoundTripPsnrGrowsWithQuality() {
        Region photo = coffee();
        int[] qualities = {10, 30, 50, 75, 90, 100};
        double[] bounds = {25, 29, 30.5, 32, 37, 48};   // measured: 26.5, 30.2, 31.6, 33.4, 38.4, 50.4
        double previous = 0;
        StringBuilder measured = new StringBuilder();
        for (int i = 0; i < qualities.length; i++) {
            Image back = decode(encode(image(photo), JpegOptions.jpeg().quality(qualities[i])));
            assertEquals(Interpretation.RGB, back.interpretation);
            double p = psnr(photo, back.fetch(back.bounds()));
            measured.append(String.format(" q%d %.2f dB", qualities[i], p));
            assertTrue(p > bounds[i], "quality " + qualities[i] + ": PSNR " + p + " dB is under " + bounds[i]);
            assertTrue(p > previous, "quality " + qualities[i] + ": PSNR " + p + " is not above " + previous);
            previous = p;
        }
        System.out.println("ImageIO JPEG round trip of the coffee crop:" + measured);
    }

    // Annex K, tables K.1 and K.2, in natural (row by row) order.
    private static final int[] K1 = {
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] K2 = new int[64];

    static {
        Arrays.fill(K2, 99);
        int[][] top = {{17, 18, 24, 47}, {18, 21, 26, 66}, {24, 26, 56}, {47, 66}};
        for (int r = 0; r < top.length; r++) {
            for (int c = 0; c < top[r].length; c++) {
                K2[r * 8 + c] = top[r][c];
            }
        }
    }

    /** The zig-zag order of the JPEG spec, by walking the anti-diagonals in alternating directions. */
    private static int[] zigzag() {
        int[] order = new int[64];
        int n = 0;
        for (int s = 0; s < 15; s++) {
            for (int i = 0; i <= s; i++) {
                int r = s % 2 == 0 ? s - i : i, c = s - r;
                if (r < 8 && c < 8) {
                    order[n++] = r * 8 + c;
                }
            }
        }
        return order;
    }

    /** The quantisation tables are libjpeg's for the same quality (jpeg_set_quality with baseline clamping). */
    @ParameterizedTest
    @ValueSource(ints = {1, 9, 13, 30, 36, 41, 50, 75, 85, 95, 100})
    void quantisationTablesAreIjgScaled(int quality) {
        byte[] jpeg = encode(image(coffee()), JpegOptions.jpeg().quality(quality));
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] zz = zigzag();
        List<int[]> tables = new ArrayList<>(List.of(new int[0], new int[0]));
        for (JpegTestFiles.Segment s : JpegTestFiles.segments(jpeg)) {
            if (s.marker() != 0xDB) {
                continue;
            }
            for (int p = s.offset() + 2; p < s.offset() + s.length(); p += 65) {
                assertEquals(0, (jpeg[p] & 0xF0), "8-bit tables (baseline)");
                int[] t = new int[64];
                for (int k = 0; k < 64; k++) {
                    t[k] = jpeg[p + 1 + k] & 0xFF;
                }
                tables.set(jpeg[p] & 15, t);
            }
        }
        for (int id = 0; id < 2; id++) {
            int[] base = id == 0 ? K1 : K2;
            int[] expected = new int[64];
            for (int k = 0; k < 64; k++) {
                expected[k] = Math.min(255, Math.max(1, (base[zz[k]] * scale + 50) / 100));
            }
            assertArrayEquals(expected, tables.get(id), "table " + id + " at quality " + quality);
        }
    }

    @Test
    void subsamplingIsWrittenAsAsked() {
        Image photo = image(coffee());
        assertEquals(List.of("1x1", "1x1", "1x1"),
                JpegTestFiles.samplingFactors(encode(photo, JpegOptions.jpeg().subsampling(Subsampling.S444))));
        assertEquals(List.of("2x2", "1x1", "1x1"),
                JpegTestFiles.samplingFactors(encode(photo, JpegOptions.jpeg().quality(95).subsampling(Subsampling.S420))));
        // the defaults: 4:2:0 below quality 90, 4:4:4 from 90
        assertEquals(List.of("2x2", "1x1", "1x1"), JpegTestFiles.samplingFactors(encode(photo, JpegOptions.jpeg().quality(89))));
        assertEquals(List.of("1x1", "1x1", "1x1"), JpegTestFiles.samplingFactors(encode(photo, JpegOptions.jpeg().quality(90))));
    }

    @Test
    void progressiveWritesSof2AndBaselineSof0() {
        Region photo = coffee();
        byte[] progressive = encode(image(photo), JpegOptions.jpeg().progressive(true).subsampling(Subsampling.S420));
        byte[] baseline = encode(image(photo), JpegOptions.jpeg());
        assertEquals(0xC2, JpegTestFiles.sof(progressive).marker());
        assertEquals(0xC0, JpegTestFiles.sof(baseline).marker());
        assertEquals(List.of("2x2", "1x1", "1x1"), JpegTestFiles.samplingFactors(progressive));
        // same tables and sampling, so the same pixels up to the progressive path's own rounding
        Image a = decode(progressive), b = decode(baseline);
        assertTrue(psnr(a.fetch(a.bounds()), b.fetch(b.bounds())) > 45);
    }

    @Test
    void greyStaysGrey() {
        Region photo = coffee();
        Region grey = Region.allocate(photo.rect(), 1, BandFormat.U8);
        for (int i = 0; i < grey.u8().length; i++) {
            grey.u8()[i] = photo.u8()[3 * i + 1];
        }
        byte[] jpeg = encode(image(grey), JpegOptions.jpeg().quality(90));
        assertEquals(1, jpeg[JpegTestFiles.sof(jpeg).offset() + 7], "one component");
        Image back = decode(jpeg);
        assertEquals(Interpretation.GREY, back.interpretation);
        assertTrue(psnr(grey, back.fetch(back.bounds())) > 38);
    }

    /** 32x16: left half transparent black, right half opaque blue. */
    private static Region halfTransparent(int bands) {
        Region r = Region.allocate(Rect.of(32, 16), bands, BandFormat.U8);
        for (int y = 0; y < 16; y++) {
            for (int x = 16; x < 32; x++) {
                int i = r.index(x, y);
                if (bands == 4) {
                    r.u8()[i + 2] = (byte) 255;   // blue
                } else {
                    r.u8()[i] = (byte) 40;        // dark grey
                }
                r.u8()[i + bands - 1] = (byte) 255;
            }
        }
        return r;
    }

    private static void assertNear(int expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 3, what + ": " + actual + " is not near " + expected);
    }

    @Test
    void alphaIsFlattenedOntoTheBackground() {
        Image white = decode(encode(image(halfTransparent(4)), JpegOptions.jpeg().quality(95)));
        Region w = white.fetch(white.bounds());
        for (int b = 0; b < 3; b++) {
            assertNear(255, w.raw(4, 8, b), "transparent over the default background, band " + b);
        }
        assertNear(0, w.raw(27, 8, 0), "opaque blue keeps its red");
        assertNear(255, w.raw(27, 8, 2), "opaque blue keeps its blue");

        Image green = decode(encode(image(halfTransparent(4)), JpegOptions.jpeg().quality(95).background(0x00FF00)));
        Region g = green.fetch(green.bounds());
        assertNear(0, g.raw(4, 8, 0), "red over green");
        assertNear(255, g.raw(4, 8, 1), "green over green");

        byte[] greyJpeg = encode(image(halfTransparent(2)), JpegOptions.jpeg().quality(95));
        assertEquals(1, greyJpeg[JpegTestFiles.sof(greyJpeg).offset() + 7], "grey with alpha on white stays grey");
        Region gr = decode(greyJpeg).fetch(Rect.of(32, 16));
        assertNear(255, gr.raw(4, 8, 0), "transparent grey over white");
        assertNear(40, gr.raw(27, 8, 0), "opaque grey");

        byte[] tinted = encode(image(halfTransparent(2)), JpegOptions.jpeg().quality(95).background(0xFF0000));
        assertEquals(3, tinted[JpegTestFiles.sof(tinted).offset() + 7], "grey on a red background becomes colour");
    }

    /** U8 -> U16 and U8 -> F32 are exact, so the wider inputs must give the very same file. */
    @Test
    void wideFormatsAreRoundedToU8First() {
        Image photo = image(coffee());
        byte[] u8 = encode(photo, JpegOptions.jpeg());
        assertArrayEquals(u8, encode(Cast.build(photo, BandFormat.U16), JpegOptions.jpeg()));
        assertArrayEquals(u8, encode(Cast.build(photo, BandFormat.F32), JpegOptions.jpeg()));
    }

    @Test
    void iccProfileRoundTrips() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Image photo = image(coffee()).withMetadata(Metadata.NONE.withIcc(srgb, null));
        byte[] jpeg = encode(photo, JpegOptions.jpeg());
        assertArrayEquals(srgb, decode(jpeg).metadata.iccProfile());
        assertNull(decode(encode(image(coffee()), JpegOptions.jpeg())).metadata.iccProfile());
    }

    /** A profile larger than one segment is split into numbered APP2 chunks and joined again in order. */
    @Test
    void largeIccProfileIsChunked() {
        byte[] profile = new byte[100_000];
        for (int i = 0; i < profile.length; i++) {
            profile[i] = (byte) (i * 31 + (i >> 8));
        }
        byte[] jpeg = encode(image(coffee()).withMetadata(Metadata.NONE.withIcc(profile, null)), JpegOptions.jpeg());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int seq = 0;
        for (JpegTestFiles.Segment s : JpegTestFiles.segments(jpeg)) {
            if (s.marker() == 0xE2) {
                seq++;
                int body = s.offset() + 2;
                assertEquals("ICC_PROFILE\0", new String(jpeg, body, 12, java.nio.charset.StandardCharsets.US_ASCII));
                assertEquals(seq, jpeg[body + 12]);
                assertEquals(2, jpeg[body + 13]);
                joined.write(jpeg, body + 14, s.length() - 16);
            }
        }
        assertEquals(2, seq);
        assertArrayEquals(profile, joined.toByteArray());
    }

    /** The decoder joins chunks by sequence number, not by file order. */
    @Test
    void iccChunksAreJoinedInSequenceOrder() {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        int half = srgb.length / 2;
        byte[] jpeg = encode(image(coffee()), JpegOptions.jpeg());
        for (int seq : new int[]{1, 2}) {   // inserted after SOI one by one: chunk 2 ends up first in the file
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(seq);
            body.write(2);
            body.write(srgb, seq == 1 ? 0 : half, seq == 1 ? half : srgb.length - half);
            jpeg = JpegTestFiles.insertAfterSoi(jpeg, JpegTestFiles.appSegment(0xE2, body.toByteArray()));
        }
        assertArrayEquals(srgb, decode(jpeg).metadata.iccProfile());
    }

    @Test
    void orientationOfTheMetadataIsWrittenAsExif() {
        Image photo = image(coffee()).withMetadata(Metadata.NONE.withOrientation(6));
        byte[] jpeg = encode(photo, JpegOptions.jpeg());
        Image stored = ImageIoJpegDecoder.open(jpeg, "test.jpg", Limits.defaults(), false);
        assertEquals(6, stored.metadata.orientation());
        assertEquals(192, stored.width);
        Image upright = decode(jpeg);
        assertEquals(1, upright.metadata.orientation());
        assertEquals(128, upright.width);
        assertEquals(192, upright.height);
    }
}
