package dev.lamina.codec.imageio;

import dev.lamina.JpegOptions;
import dev.lamina.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test inputs and a JPEG marker walker written for the tests (independent of the code under test),
 * used to check what the encoder wrote.
 */
final class JpegTestFiles {

    private JpegTestFiles() {
    }

    /** One marker segment: its marker byte, where its length field starts, and its length (with the length field). */
    record Segment(int marker, int offset, int length) {
    }

    /** The segments from SOI up to and including the first SOS. */
    static List<Segment> segments(byte[] jpeg) {
        List<Segment> out = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                throw new AssertionError("no marker at " + p);
            }
            int marker = jpeg[p + 1] & 0xFF;
            int length = (jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF;
            out.add(new Segment(marker, p + 2, length));
            if (marker == 0xDA) {
                break;
            }
            p += 2 + length;
        }
        return out;
    }

    static Segment first(byte[] jpeg, int marker) {
        return segments(jpeg).stream().filter(s -> s.marker == marker).findFirst().orElse(null);
    }

    /** The frame header segment (any SOFn). */
    static Segment sof(byte[] jpeg) {
        return segments(jpeg).stream()
                .filter(s -> s.marker >= 0xC0 && s.marker <= 0xCF && s.marker != 0xC4 && s.marker != 0xC8 && s.marker != 0xCC)
                .findFirst().orElseThrow();
    }

    /** Sampling factors of the frame's components as "HxV" strings, in component order. */
    static List<String> samplingFactors(byte[] jpeg) {
        Segment s = sof(jpeg);
        int n = jpeg[s.offset + 7] & 0xFF;
        List<String> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int hv = jpeg[s.offset + 8 + 3 * i + 1] & 0xFF;
            f.add((hv >> 4) + "x" + (hv & 15));
        }
        return f;
    }

    /** A copy of the JPEG with {@code segment} (marker bytes included) inserted right after SOI. */
    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** An APP segment with {@code body} after its length field. */
    static byte[] appSegment(int marker, byte[] body) {
        byte[] s = new byte[body.length + 4];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((body.length + 2) >> 8);
        s[3] = (byte) (body.length + 2);
        System.arraycopy(body, 0, s, 4, body.length);
        return s;
    }

    /**
     * An EXIF APP1 block holding only an orientation, built here from the TIFF 6.0 layout: header
     * (byte order, 42, offset of IFD0), IFD0 with a dummy ImageWidth entry first and the
     * Orientation entry (tag 0x0112, SHORT, count 1) second, so the parser has to walk entries.
     */
    static byte[] exifApp1(int orientation, boolean littleEndian) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        b.writeBytes(littleEndian ? new byte[]{'I', 'I'} : new byte[]{'M', 'M'});
        put16(b, 42, littleEndian);
        put32(b, 8, littleEndian);
        put16(b, 2, littleEndian);                 // two entries
        put16(b, 0x0100, littleEndian);            // ImageWidth, LONG, 1, 1234
        put16(b, 4, littleEndian);
        put32(b, 1, littleEndian);
        put32(b, 1234, littleEndian);
        put16(b, 0x0112, littleEndian);            // Orientation, SHORT, 1, value left-aligned
        put16(b, 3, littleEndian);
        put32(b, 1, littleEndian);
        put16(b, orientation, littleEndian);
        put16(b, 0, littleEndian);
        put32(b, 0, littleEndian);                 // no IFD1
        return appSegment(0xE1, b.toByteArray());
    }

    private static void put16(ByteArrayOutputStream b, int v, boolean le) {
        if (le) {
            b.write(v);
            b.write(v >> 8);
        } else {
            b.write(v >> 8);
            b.write(v);
        }
    }

    private static void put32(ByteArrayOutputStream b, long v, boolean le) {
        if (le) {
            put16(b, (int) (v & 0xFFFF), true);
            put16(b, (int) (v >> 16), true);
        } else {
            put16(b, (int) (v >> 16), false);
            put16(b, (int) (v & 0xFFFF), false);
        }
    }

    /** The committed crop of coffee.png, read with ImageIO's PNG reader, as a U8 RGB region. */
    static Region coffee() {
        try (InputStream in = JpegTestFiles.class.getResourceAsStream("coffee-crop-192x128.png")) {
            BufferedImage img = ImageIO.read(in);
            Region r = Region.allocate(Rect.of(img.getWidth(), img.getHeight()), 3, BandFormat.U8);
            int[] rgb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            for (int i = 0; i < rgb.length; i++) {
                r.u8()[3 * i] = (byte) (rgb[i] >> 16);
                r.u8()[3 * i + 1] = (byte) (rgb[i] >> 8);
                r.u8()[3 * i + 2] = (byte) rgb[i];
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Image image(Region r) {
        return MemorySource.image(r, r.bands <= 2 ? Interpretation.GREY : Interpretation.RGB, r.bands % 2 == 0,
                Metadata.NONE);
    }

    static byte[] encode(Image image, JpegOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIoJpegEncoder.write(image, out, options);
        return out.toByteArray();
    }

    /** PSNR in dB over all samples of two U8 regions of the same layout. */
    static double psnr(Region a, Region b) {
        byte[] x = a.u8(), y = b.u8();
        int n = a.rect().width() * a.rect().height() * a.bands;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (x[i] & 0xFF) - (y[i] & 0xFF);
            sum += d * d;
        }
        double mse = sum / n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
