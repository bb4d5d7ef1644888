package dev.lamina.codec.png;

import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.codec.png.PngTestFiles.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metadata chunks: PngSuite's gAMA, pHYs and text chunks against the values its files are
 * documented to hold and against ImageIO's reading of them; iCCP and sRGB added to a file here.
 */
class PngMetadataTest {

    private static Metadata metadata(String suiteFile) {
        return PngDecoder.open(PngTestFiles.resource("pngsuite/" + suiteFile), Limits.defaults()).metadata;
    }

    @Test
    void gammaAsStored() {
        // PngSuite's g files: gamma 0.35, 0.45, 0.55, 0.70, 1.00, 2.50, stored x 100000
        String[] prefixes = {"g03", "g04", "g05", "g07", "g10", "g25"};
        int[] stored = {35000, 45000, 55000, 70000, 100000, 250000};
        for (int i = 0; i < prefixes.length; i++) {
            for (String suffix : List.of("n0g16.png", "n2c08.png", "n3p04.png")) {
                assertEquals(stored[i], metadata(prefixes[i] + suffix).gamma(), prefixes[i] + suffix);
            }
        }
        assertEquals(0, metadata("f00n2c08.png").gamma(), "no gAMA chunk");
        assertEquals(-1, metadata("f00n2c08.png").srgbIntent());
    }

    @Test
    void physicalDensity() {
        assertEquals(new Metadata.Density(1, 4, false), metadata("cdfn2c08.png").density());   // 8x32 flat pixels
        assertEquals(new Metadata.Density(4, 1, false), metadata("cdhn2c08.png").density());   // 32x8 high pixels
        assertEquals(new Metadata.Density(1, 1, false), metadata("cdsn2c08.png").density());   // square pixels
        assertEquals(new Metadata.Density(1000, 1000, true), metadata("cdun2c08.png").density());
        assertNull(metadata("basn2c08.png").density());
    }

    @Test
    void latin1CompressedAndInternationalText() {
        List<Metadata.Text> plain = metadata("ct1n0g04.png").texts();
        assertEquals(6, plain.size());
        assertEquals(new Metadata.Text("Title", "PngSuite"), plain.get(0));
        assertEquals(new Metadata.Text("Author", "Willem A.J. van Schaik\n(willem@schaik.com)"), plain.get(1));
        assertEquals(new Metadata.Text("Disclaimer", "Freeware."), plain.get(5));

        List<Metadata.Text> zipped = metadata("ctzn0g04.png").texts();
        assertEquals(6, zipped.size());
        assertEquals(new Metadata.Text("Title", "PngSuite"), zipped.get(0));
        assertEquals(new Metadata.Text("Copyright", "Copyright Willem van Schaik, Singapore 1995-96", null, false, true),
                zipped.get(2));

        List<Metadata.Text> japanese = metadata("ctjn0g04.png").texts();
        assertEquals(6, japanese.size());
        assertEquals(new Metadata.Text("Copyright", "著作権ウィレムヴァンシャイク、カナダ2011", "ja", true, false),
                japanese.get(2));
        assertEquals(new Metadata.Text("Disclaimer", "フリーウェア。", "ja", true, false), japanese.get(5));
        assertEquals("en", metadata("cten0g04.png").texts().get(0).language());
    }

    static Stream<String> validFiles() {
        return PngSuiteTest.validFiles();
    }

    /** Every valid PngSuite file: the same gAMA, pHYs and texts as ImageIO's native PNG metadata. */
    @ParameterizedTest
    @MethodSource("validFiles")
    void agreesWithImageIoMetadata(String file) throws IOException {
        Metadata ours = metadata(file);
        Node root;
        try (ImageInputStream in = ImageIO.createImageInputStream(PngTestFiles.resource("pngsuite/" + file).toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadata m = reader.getImageMetadata(0);
            root = m.getAsTree("javax_imageio_png_1.0");
            reader.dispose();
        }
        Node gama = child(root, "gAMA");
        assertEquals(gama == null ? 0 : Integer.parseInt(attr(gama, "value")), ours.gamma(), file);
        Node phys = child(root, "pHYs");
        if (phys == null) {
            assertNull(ours.density(), file);
        } else {
            assertEquals(new Metadata.Density(Long.parseLong(attr(phys, "pixelsPerUnitXAxis")),
                    Long.parseLong(attr(phys, "pixelsPerUnitYAxis")), attr(phys, "unitSpecifier").equals("meter")),
                    ours.density(), file);
        }
        // ImageIO groups entries by chunk type; compare per type, in file order within each
        List<String> expected = new ArrayList<>();
        for (String type : List.of("tEXt", "zTXt", "iTXt")) {
            Node group = child(root, type);
            for (Node e = group == null ? null : group.getFirstChild(); e != null; e = e.getNextSibling()) {
                String text = type.equals("tEXt") ? attr(e, "value") : attr(e, "text");
                expected.add(type + "|" + attr(e, "keyword") + "|" + text);
            }
        }
        List<String> got = new ArrayList<>();
        for (String type : List.of("tEXt", "zTXt", "iTXt")) {
            for (Metadata.Text t : ours.texts()) {
                String ourType = t.international() ? "iTXt" : t.compressed() ? "zTXt" : "tEXt";
                if (ourType.equals(type)) {
                    got.add(type + "|" + t.keyword() + "|" + t.text());
                }
            }
        }
        assertEquals(expected, got, file);
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static String attr(Node n, String name) {
        return n.getAttributes().getNamedItem(name).getNodeValue();
    }

    @Test
    void iccProfileSrgbAndCompressedInternationalText() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream iccp = new ByteArrayOutputStream();
        iccp.writeBytes("Lamina sRGB".getBytes(StandardCharsets.ISO_8859_1));
        iccp.write(0);
        iccp.write(0);   // deflate
        iccp.writeBytes(PngTestFiles.zlib(profile));

        ByteArrayOutputStream itxt = new ByteArrayOutputStream();
        itxt.writeBytes("Description".getBytes(StandardCharsets.ISO_8859_1));
        itxt.writeBytes(new byte[] {0, 1, 0});   // compressed, deflate
        itxt.writeBytes("de".getBytes(StandardCharsets.ISO_8859_1));
        itxt.write(0);
        itxt.writeBytes("Beschreibung".getBytes(StandardCharsets.UTF_8));
        itxt.write(0);
        itxt.writeBytes(PngTestFiles.zlib("Grüße, ünd €".getBytes(StandardCharsets.UTF_8)));

        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(PngTestFiles.bytes("pngsuite/basn2c08.png")));
        chunks.add(1, new Chunk("iCCP", iccp.toByteArray()));
        chunks.add(2, new Chunk("sRGB", new byte[] {2}));
        chunks.add(3, new Chunk("tEXt", "Comment\0caf\u00e9"));   // Latin-1 é
        chunks.add(4, new Chunk("iTXt", itxt.toByteArray()));
        chunks.add(chunks.size() - 1, new Chunk("tEXt", "After\0image data"));   // after IDAT: not read

        Metadata m = PngDecoder.open(PngTestFiles.build(chunks), "icc.png", Limits.defaults()).metadata;
        assertArrayEquals(profile, m.iccProfile());
        assertEquals("Lamina sRGB", m.iccName());
        assertEquals(2, m.srgbIntent());
        assertEquals(List.of(new Metadata.Text("Comment", "café"),
                new Metadata.Text("Description", "Grüße, ünd €", "de", true, true)), m.texts());
        assertTrue(ByteBuffer.wrap(profile, 36, 4).getInt() == 0x61637370, "the profile is a real ICC profile");
    }
}
