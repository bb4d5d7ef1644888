package dev.lamina.codec;

import dev.lamina.codec.metadata.XmpPacket;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.model.PngOptions;
import dev.lamina.testing.ExifBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XMP carried between PNG and JPEG both ways, and the one model of keeping or stripping metadata
 * ({@link Metadata.Keep}). Inputs are built by hand (segments and chunks inserted into files the
 * JDK wrote); what Lamina wrote is read back by the JDK's ImageIO readers (JPEG APP1 as "unknown"
 * markers, PNG iTXt entries, PNG chunks it does not know), not by Lamina's decoders.
 */
class XmpAndKeepMetadataTest {
    private static final byte[] NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** A packet as cameras and editors write it: orientation as an attribute and as an element, non-ASCII text. */
    static byte[] packet(int orientation) {
        return ("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" tiff:Orientation=\"" + orientation + "\""
                + " tiff:Model=\"Camera Zürich\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreateDate=\"2024-05-01T10:00:00\">"
                + "<tiff:Orientation>" + orientation + "</tiff:Orientation>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jpegXmpIsReadAndWrittenToJpegAndPngWithTheOrientationOfThePixels() {
        byte[] jpeg = jpegWith(app1(ExifBlocks.camera(false, 6)), app1Xmp(packet(6)));
        LaminaImage upright = Lamina.open(jpeg, "in.jpg");
        assertArrayEquals(packet(6), upright.metadata().xmp(), "the decoder keeps the packet as stored");

        List<byte[]> app1 = app1Segments(upright.encode(JpegOptions.jpeg()));
        assertEquals(2, app1.size(), "EXIF, then XMP");
        assertArrayEquals(concat(NAMESPACE, packet(1)), app1.get(1), "turned upright: XMP says 1 as EXIF does");
        assertEquals(packet(1).length, packet(6).length, "the packet keeps its length");
        assertArrayEquals(packet(1), pngXmp(upright.encode(PngOptions.png())));

        LaminaImage stored = Lamina.open(jpeg, "in.jpg", LoadOptions.defaults().autoOrient(false));
        assertArrayEquals(concat(NAMESPACE, packet(6)), app1Segments(stored.encode(JpegOptions.jpeg())).get(1),
                "as stored: unchanged");
        assertArrayEquals(packet(6), pngXmp(stored.encode(PngOptions.png())));
    }

    @ParameterizedTest(name = "compressed iTXt: {0}")
    @ValueSource(booleans = {false, true})
    void pngXmpIsReadApartFromTheTextsAndWrittenToJpegAndPng(boolean compressed) {
        byte[] png = pngWith(iTxt("XML:com.adobe.xmp", packet(1), compressed), tExt("Comment", "hello"));
        LaminaImage image = Lamina.open(png, "in.png");
        assertArrayEquals(packet(1), image.metadata().xmp());
        assertEquals(List.of(new Metadata.Text("Comment", "hello")), image.metadata().texts(), "XMP is not a text");

        List<byte[]> app1 = app1Segments(image.encode(JpegOptions.jpeg()));
        assertEquals(1, app1.size());
        assertArrayEquals(concat(NAMESPACE, packet(1)), app1.get(0));
        byte[] again = image.encode(PngOptions.png());
        assertArrayEquals(packet(1), pngXmp(again));
        assertEquals(1, count(chunkTypes(again), "iTXt"), "one XMP chunk, uncompressed");
    }

    @Test
    void aPacketTooLargeForOneJpegSegmentIsLeftOutOfAJpegButNotOfAPng() {
        byte[] big = new byte[XmpPacket.MAX_JPEG_PACKET + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] fits = Arrays.copyOf(big, XmpPacket.MAX_JPEG_PACKET);
        LaminaImage over = Lamina.open(pngWith(iTxt("XML:com.adobe.xmp", big, false)), "over.png");
        LaminaImage max = Lamina.open(pngWith(iTxt("XML:com.adobe.xmp", fits, false)), "max.png");
        assertTrue(app1Segments(over.encode(JpegOptions.jpeg())).isEmpty());
        assertArrayEquals(concat(NAMESPACE, fits), app1Segments(max.encode(JpegOptions.jpeg())).get(0));
        assertArrayEquals(big, pngXmp(over.encode(PngOptions.png())));
    }

    /** Everything a file can say, then each mode: what the written PNG and JPEG hold. */
    @ParameterizedTest
    @EnumSource(Metadata.Keep.class)
    void keepDecidesForEveryKindOfMetadataAndBothFormats(Metadata.Keep keep) {
        byte[] png = pngWith(iCcp(ICC), chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}),
                chunk("eXIf", ExifBlocks.camera(false, 1)), iTxt("XML:com.adobe.xmp", packet(1), false),
                tExt("Author", "someone"));
        LaminaImage image = Lamina.open(png, "in.png").keepMetadata(keep);
        boolean all = keep == Metadata.Keep.ALL, colour = keep != Metadata.Keep.NONE;

        String chunks = String.join(" ", chunkTypes(image.encode(PngOptions.png())));
        assertEquals(colour, chunks.contains("iCCP"), chunks);
        assertTrue(chunks.contains("pHYs"), "density is kept in every mode: " + chunks);
        assertEquals(all, chunks.contains("eXIf"), chunks);
        assertEquals(all ? 2 : 0, count(chunkTypes(image.encode(PngOptions.png())), "iTXt")
                + count(chunkTypes(image.encode(PngOptions.png())), "tEXt"), chunks);

        byte[] jpeg = image.encode(JpegOptions.jpeg());
        List<byte[]> app1 = app1Segments(jpeg);
        assertEquals(all ? 2 : 0, app1.size(), "EXIF and XMP");
        assertEquals(colour, markerCount(jpeg, 0xE2) > 0, "ICC in APP2");
        assertEquals(2835, Lamina.open(jpeg, "out.jpg").metadata().density().pixelsPerUnitX(), 1,
                "density through JFIF in every mode");
    }

    @Test
    void keepingIsIdempotentAndNoneKeepsTheOrientationThePixelsNeed() {
        byte[] jpeg = jpegWith(app1(ExifBlocks.camera(false, 6)), app1Xmp(packet(6)));
        LaminaImage stored = Lamina.open(jpeg, "in.jpg", LoadOptions.defaults().autoOrient(false));
        LaminaImage none = stored.keepMetadata(Metadata.Keep.NONE);
        assertSame(none, none.keepMetadata(Metadata.Keep.NONE));
        assertSame(stored, stored.keepMetadata(Metadata.Keep.ALL));
        assertNull(none.metadata().xmp());
        assertNull(none.metadata().exif());
        assertEquals(6, none.metadata().orientation());
        List<byte[]> app1 = app1Segments(none.encode(JpegOptions.jpeg()));
        assertEquals(1, app1.size(), "a minimal EXIF block with the orientation only");
        assertArrayEquals(concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), ExifBlocks.orientationOnly(6)),
                app1.get(0));
    }

    // ---- files built by hand ----

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] segment(int marker, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] app1(byte[] tiff) {
        return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    private static byte[] app1Xmp(byte[] packet) {
        return segment(0xE1, concat(NAMESPACE, packet));
    }

    /** A JDK-written 24x16 JPEG with these segments right after SOI. */
    private static byte[] jpegWith(byte[]... segments) {
        byte[] plain = jdk("jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A JDK-written 24x16 PNG with these chunks right after IHDR. */
    private static byte[] pngWith(byte[]... chunks) {
        byte[] plain = jdk("png");
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterIhdr);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        out.write(plain, afterIhdr, plain.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] jdk(String format) {
        var img = new java.awt.image.BufferedImage(24, 16, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                img.setRGB(x, y, x * 10 << 16 | y * 15 << 8 | 90);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
        return out.toByteArray();
    }

    private static byte[] iTxt(String keyword, byte[] text, boolean compressed) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(new byte[] {0, (byte) (compressed ? 1 : 0), 0, 0, 0});
        b.writeBytes(compressed ? zlib(text) : text);
        return chunk("iTXt", b.toByteArray());
    }

    private static byte[] tExt(String keyword, String text) {
        return chunk("tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] iCcp(byte[] profile) {
        return chunk("iCCP", concat("sRGB\0\0".getBytes(StandardCharsets.ISO_8859_1), zlib(profile)));
    }

    private static byte[] zlib(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, n);
    }

    // ---- what was written, read by others ----

    /** Chunk types in file order, by walking the lengths. */
    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int p = 8; p + 8 <= png.length; ) {
            int len = (png[p] & 0xFF) << 24 | (png[p + 1] & 0xFF) << 16 | (png[p + 2] & 0xFF) << 8 | (png[p + 3] & 0xFF);
            types.add(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1));
            p += 12 + len;
        }
        return types;
    }

    private static int count(List<String> types, String type) {
        return (int) types.stream().filter(type::equals).count();
    }

    /** Segments with this marker before the first frame header. */
    private static int markerCount(byte[] jpeg, int marker) {
        int n = 0;
        for (int p = 2; (jpeg[p + 1] & 0xFF) != 0xC0 && (jpeg[p + 1] & 0xFF) != 0xC2; ) {
            n += (jpeg[p + 1] & 0xFF) == marker ? 1 : 0;
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return n;
    }

    /** The APP1 bodies the JDK's JPEG reader reports (MarkerTag 225), in file order. */
    private static List<byte[]> app1Segments(byte[] jpeg) {
        Node root = metadataTree(jpeg, "jpeg", "javax_imageio_jpeg_image_1.0");
        List<byte[]> found = new ArrayList<>();
        var unknown = ((IIOMetadataNode) root).getElementsByTagName("unknown");
        for (int i = 0; i < unknown.getLength(); i++) {
            IIOMetadataNode n = (IIOMetadataNode) unknown.item(i);
            if ("225".equals(n.getAttribute("MarkerTag"))) {
                found.add((byte[]) n.getUserObject());
            }
        }
        return found;
    }

    /** The text of the one iTXt entry with XMP's keyword that the JDK's PNG reader reports. */
    private static byte[] pngXmp(byte[] png) {
        IIOMetadataNode root = (IIOMetadataNode) metadataTree(png, "png", "javax_imageio_png_1.0");
        var entries = root.getElementsByTagName("iTXtEntry");
        byte[] found = null;
        for (int i = 0; i < entries.getLength(); i++) {
            IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
            if ("XML:com.adobe.xmp".equals(e.getAttribute("keyword"))) {
                assertNull(found, "one XMP entry");
                assertEquals("FALSE", e.getAttribute("compressionFlag"));
                found = e.getAttribute("text").getBytes(StandardCharsets.UTF_8);
            }
        }
        assertNotNull(found, "an XMP entry");
        return found;
    }

    private static Node metadataTree(byte[] file, String format, String tree) {
        ImageReader r = null;
        for (var it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
            ImageReader c = it.next();
            if (c.getClass().getName().startsWith("com.sun.imageio")) {
                r = c;
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            r.setInput(in);
            return r.getImageMetadata(0).getAsTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            r.dispose();
        }
    }
}
