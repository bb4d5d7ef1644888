package dev.lamina.codec.png;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.Image;
import dev.lamina.testing.ExifBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXIF in PNG (the eXIf chunk). The oracle for what was written is the JDK's PNG reader, which does
 * not know eXIf and lists it among its "UnknownChunks" (javax_imageio_png_1.0 tree); the expected
 * bytes are the hand-built block with only the orientation value changed.
 */
class PngExifTest {

    static BufferedImage picture() {
        BufferedImage b = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                b.setRGB(x, y, (x * 40) << 16 | (y * 60) << 8 | (x + y) * 20);
            }
        }
        return b;
    }

    static byte[] jdk(BufferedImage b, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(b, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JDK-written PNG with these chunks right after IHDR. */
    static byte[] pngWith(PngTestFiles.Chunk... extra) {
        List<PngTestFiles.Chunk> chunks = new ArrayList<>(PngTestFiles.parse(jdk(picture(), "png")));
        chunks.addAll(1, List.of(extra));
        return PngTestFiles.build(chunks);
    }

    /** A JDK-written JPEG of the same picture with APP1 "Exif\0\0" + {@code tiff} right after SOI. */
    static byte[] jpegWith(byte[] tiff) {
        byte[] plain = jdk(picture(), "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int len = tiff.length + 8;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** The eXIf chunks ImageIO's JDK reader finds among the chunks it does not know. */
    static List<byte[]> exifChunks(byte[] png) {
        ImageReader r = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("png"); it.hasNext(); ) {
            ImageReader c = it.next();
            if (c.getClass().getName().startsWith("com.sun.imageio")) {
                r = c;
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            List<byte[]> found = new ArrayList<>();
            var unknown = root.getElementsByTagName("UnknownChunk");
            for (int i = 0; i < unknown.getLength(); i++) {
                IIOMetadataNode n = (IIOMetadataNode) unknown.item(i);
                if ("eXIf".equals(n.getAttribute("type"))) {
                    found.add((byte[]) n.getUserObject());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            r.dispose();
        }
    }

    static byte[] writtenBlock(byte[] png) {
        List<byte[]> found = exifChunks(png);
        assertEquals(1, found.size(), "one eXIf chunk");
        return found.get(0);
    }

    static byte[] encode(Image image) {
        try {
            return PngEncoderTest.encode(image, PngOptions.png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "little={0} autoOrient={1}")
    @CsvSource({"true,true", "false,true", "true,false", "false,false"})
    void jpegToPngSaysWhatWasDoneToThePixels(boolean little, boolean autoOrient) {
        byte[] jpeg = jpegWith(ExifBlocks.camera(little, 6));
        Image image = Decoders.open(jpeg, "in.jpg", LoadOptions.defaults().autoOrient(autoOrient));
        byte[] png = encode(image);
        assertArrayEquals(ExifBlocks.camera(little, autoOrient ? 1 : 6), writtenBlock(png));
        String layout = PngEncoderTest.chunkTypes(png);
        assertTrue(layout.indexOf("eXIf") > 0 && layout.indexOf("eXIf") < layout.indexOf("IDAT"), layout);
        assertEquals(autoOrient ? 4 : 6, readWidth(png));
    }

    private static int readWidth(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "little={0}")
    @ValueSource(booleans = {true, false})
    void pngExifIsCarriedAndItsOrientationIsNotApplied(boolean little) {
        byte[] upright = ExifBlocks.camera(little, 1);
        byte[] png = pngWith(new PngTestFiles.Chunk("eXIf", upright));
        Image image = PngDecoder.open(png, "in.png", Limits.defaults());
        assertArrayEquals(upright, image.metadata.exif());
        assertArrayEquals(upright, writtenBlock(encode(image)), "carried byte for byte");

        // The specification (third edition, eXIf) calls Exif "of historical value only" unless
        // the decoder knows better: the image is taken as stored, so the copy says 1.
        byte[] sideways = ExifBlocks.camera(little, 6);
        Image stored = Decoders.open(pngWith(new PngTestFiles.Chunk("eXIf", sideways)), "in.png", LoadOptions.defaults());
        assertEquals(1, stored.metadata.orientation());
        assertEquals(6, stored.width, "not turned");
        assertArrayEquals(sideways, stored.metadata.exif());
        assertArrayEquals(ExifBlocks.camera(little, 1), writtenBlock(encode(stored)));
    }

    @Test
    void onlyTheFirstSoundEXifIsKeptAndNoneFailsTheDecode() {
        byte[] first = ExifBlocks.camera(true, 3);
        byte[] second = ExifBlocks.camera(false, 1);
        Image image = PngDecoder.open(pngWith(new PngTestFiles.Chunk("eXIf", "not a TIFF header"),
                new PngTestFiles.Chunk("eXIf", first), new PngTestFiles.Chunk("eXIf", second)), "in.png", Limits.defaults());
        assertArrayEquals(first, image.metadata.exif());
        byte[] damaged = first.clone();
        damaged[4] = (byte) 0xEE;   // IFD0 offset past the end
        image = PngDecoder.open(pngWith(new PngTestFiles.Chunk("eXIf", damaged)), "in.png", Limits.defaults());
        assertArrayEquals(damaged, image.metadata.exif());
        assertArrayEquals(damaged, writtenBlock(encode(image)), "nothing to patch: written as it came");
        image = PngDecoder.open(pngWith(new PngTestFiles.Chunk("eXIf", new byte[0])), "in.png", Limits.defaults());
        assertNull(image.metadata.exif());
    }

    @Test
    void iccOnlyWritesNoEXif() {
        LaminaImage image = Lamina.open(jpegWith(ExifBlocks.camera(false, 1)), "in.jpg");
        assertArrayEquals(ExifBlocks.camera(false, 1), writtenBlock(image.encode(PngOptions.png())));
        byte[] png = image.keepMetadata(Metadata.Keep.ICC_ONLY).encode(PngOptions.png());
        assertTrue(exifChunks(png).isEmpty());
        assertTrue(!PngEncoderTest.chunkTypes(png).contains("eXIf"));
        // an orientation alone still needs saying
        LaminaImage stored = Lamina.open(jpegWith(ExifBlocks.camera(false, 8)), "in.jpg",
                LoadOptions.defaults().autoOrient(false)).keepMetadata(Metadata.Keep.NONE);
        assertArrayEquals(ExifBlocks.orientationOnly(8), writtenBlock(stored.encode(PngOptions.png())));
    }
}
