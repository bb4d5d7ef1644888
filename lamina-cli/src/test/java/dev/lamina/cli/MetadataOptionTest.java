package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --metadata all|icc-only|none} for every kind of metadata, from JPEG and PNG to JPEG and
 * PNG, for the commands that write. Inputs are JDK-written files with segments inserted by hand;
 * outputs are read by walking their segments and chunks (no Lamina code), and the XMP packet's
 * bytes are compared with the input's.
 */
class MetadataOptionTest {
    @TempDir
    static Path dir;
    static Path jpeg;
    static Path png;
    static final byte[] XMP = ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" tiff:Model=\"Model Ä\"/></rdf:RDF></x:xmpmeta>")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] EXIF = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x0F, 0, 2, 0, 0, 0, 4, 'A', 'c', 'm', 0, 0, 0, 0, 0};
    static final byte[] ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    static final byte[] XMP_NS = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    @BeforeAll
    static void inputs() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, x * 6 << 16 | y * 8 << 8 | 77);
            }
        }
        ByteArrayOutputStream j = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", j);
        byte[] plain = j.toByteArray();
        ByteArrayOutputStream withMeta = new ByteArrayOutputStream();
        withMeta.write(plain, 0, 2);
        withMeta.writeBytes(segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), EXIF)));
        withMeta.writeBytes(segment(0xE1, concat(XMP_NS, XMP)));
        withMeta.writeBytes(segment(0xE2, concat(concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {1, 1}), ICC)));
        withMeta.write(plain, 2, plain.length - 2);
        jpeg = Files.write(dir.resolve("camera.jpg"), withMeta.toByteArray());
        // the PNG: what Lamina makes of the JPEG with everything kept, plus a text chunk
        Path converted = dir.resolve("converted.png");
        assertEquals(0, lamina("convert", jpeg.toString(), "-o", converted.toString()).code());
        List<Chunk> chunks = PngChunks.read(Files.readAllBytes(converted));
        chunks.add(1, new Chunk("tEXt", "Author\0someone".getBytes(StandardCharsets.ISO_8859_1)));
        png = Files.write(dir.resolve("camera.png"), PngChunks.write(chunks));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} --metadata {3}")
    @CsvSource({
            "convert,jpg,jpg,all", "convert,jpg,jpg,icc-only", "convert,jpg,jpg,none",
            "convert,jpg,png,all", "convert,jpg,png,icc-only", "convert,jpg,png,none",
            "convert,png,jpg,all", "convert,png,jpg,icc-only", "convert,png,jpg,none",
            "convert,png,png,all", "convert,png,png,icc-only", "convert,png,png,none",
            "resize,jpg,jpg,icc-only", "thumbnail,png,png,none", "thumbnail,jpg,jpg,all",
            "composite,png,jpg,icc-only"})
    void eachModeKeepsWhatItSays(String command, String from, String to, String mode) throws IOException {
        Path in = from.equals("jpg") ? jpeg : png;
        Path out = dir.resolve(command + "-" + from + "-" + mode + "." + to);
        List<String> args = new ArrayList<>(List.of(command, in.toString()));
        switch (command) {
            case "resize" -> args.addAll(List.of("--width", "20"));
            case "thumbnail" -> args.addAll(List.of("-s", "20"));
            case "composite" -> args.add(in.toString());
            default -> { }
        }
        args.addAll(List.of("-o", out.toString(), "--metadata", mode));
        CliTest.Run r = lamina(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        boolean all = mode.equals("all"), icc = !mode.equals("none");
        byte[] file = Files.readAllBytes(out);
        if (to.equals("jpg")) {
            List<byte[]> app1 = JpegSegments.bodies(file, 0xE1);
            assertEquals(all ? 2 : 0, app1.size(), "EXIF and XMP");
            if (all) {
                assertTrue(startsWith(app1.get(0), "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)));
                assertTrue(java.util.Arrays.equals(concat(XMP_NS, XMP), app1.get(1)), "the XMP packet as it came");
            }
            assertEquals(icc, !JpegSegments.bodies(file, 0xE2).isEmpty(), "ICC");
        } else {
            List<Chunk> chunks = PngChunks.read(file);
            assertEquals(icc, chunks.stream().anyMatch(c -> c.type().equals("iCCP")), "iCCP");
            assertEquals(all, chunks.stream().anyMatch(c -> c.type().equals("eXIf")), "eXIf");
            List<Chunk> xmp = chunks.stream().filter(c -> c.type().equals("iTXt")).toList();
            assertEquals(all ? 1 : 0, xmp.size(), "XMP in iTXt");
            if (all) {
                byte[] expected = concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), XMP);
                assertTrue(java.util.Arrays.equals(expected, xmp.get(0).data()), "the XMP packet as it came");
            }
            assertEquals(all && from.equals("png"), chunks.stream().anyMatch(c -> c.type().equals("tEXt")), "tEXt");
        }
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
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

    record Chunk(String type, byte[] data) {
    }

    /** PNG chunks by their lengths; written back with fresh CRCs. */
    static final class PngChunks {
        static List<Chunk> read(byte[] png) {
            List<Chunk> chunks = new ArrayList<>();
            for (int p = 8; p + 12 <= png.length; ) {
                int len = (png[p] & 0xFF) << 24 | (png[p + 1] & 0xFF) << 16 | (png[p + 2] & 0xFF) << 8 | (png[p + 3] & 0xFF);
                chunks.add(new Chunk(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1),
                        java.util.Arrays.copyOfRange(png, p + 8, p + 8 + len)));
                p += 12 + len;
            }
            return chunks;
        }

        static byte[] write(List<Chunk> chunks) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            for (Chunk c : chunks) {
                byte[] t = c.type().getBytes(StandardCharsets.ISO_8859_1);
                int n = c.data().length;
                out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                out.writeBytes(t);
                out.writeBytes(c.data());
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(t);
                crc.update(c.data());
                long v = crc.getValue();
                out.writeBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            }
            return out.toByteArray();
        }
    }

    /** JPEG segment bodies of one marker, before the first frame header. */
    static final class JpegSegments {
        static List<byte[]> bodies(byte[] jpeg, int marker) {
            List<byte[]> found = new ArrayList<>();
            for (int p = 2; (jpeg[p + 1] & 0xFF) != 0xC0 && (jpeg[p + 1] & 0xFF) != 0xC2; ) {
                int len = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
                if ((jpeg[p + 1] & 0xFF) == marker) {
                    found.add(java.util.Arrays.copyOfRange(jpeg, p + 4, p + 2 + len));
                }
                p += 2 + len;
            }
            return found;
        }
    }
}
