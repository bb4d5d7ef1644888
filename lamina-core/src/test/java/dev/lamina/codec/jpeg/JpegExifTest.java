package dev.lamina.codec.jpeg;

import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.core.Image;
import dev.lamina.testing.ExifBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.lamina.codec.jpeg.JpegMetadataTest.insertAfterSoi;
import static dev.lamina.codec.jpeg.JpegMetadataTest.segment;
import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXIF carried from a JPEG to the JPEG Lamina writes. The oracle for what was written is the JDK's
 * ImageIO reader, which hands every APP1 segment over as an "unknown" marker (MarkerTag 225) in its
 * javax_imageio_jpeg_image_1.0 tree; the expected bytes are the hand-built input block with only
 * the orientation value changed (the same builder called with the new value).
 */
class JpegExifTest {
    private static final byte[] EXIF_CODE = {'E', 'x', 'i', 'f', 0, 0};

    static byte[] app1(byte[] tiff) {
        return segment(0xE1, concat(EXIF_CODE, tiff));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** A JDK-written 24x16 JPEG (it starts with JFIF APP0) with these segments right after SOI. */
    static byte[] jpegWith(byte[]... segments) {
        byte[] plain = JpegTestSupport.writeJdk(JpegTestSupport.crop(24, 16, false), Mode.baseline(2, 2));
        return insertAfterSoi(plain, segments);
    }

    /** The APP1 segment bodies ImageIO's JDK reader finds, in file order. */
    static List<byte[]> app1Segments(byte[] jpeg) {
        ImageReader r = JpegTestSupport.reader(true);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            r.setInput(in);
            Node root = r.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
            List<byte[]> found = new ArrayList<>();
            var unknown = ((IIOMetadataNode) root).getElementsByTagName("unknown");
            for (int i = 0; i < unknown.getLength(); i++) {
                IIOMetadataNode n = (IIOMetadataNode) unknown.item(i);
                if ("225".equals(n.getAttribute("MarkerTag"))) {
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

    /** The one EXIF block ImageIO finds in the file, without its "Exif\0\0" code. */
    static byte[] writtenBlock(byte[] jpeg) {
        List<byte[]> app1 = app1Segments(jpeg);
        assertEquals(1, app1.size(), "one APP1 segment");
        byte[] body = app1.get(0);
        assertArrayEquals(EXIF_CODE, Arrays.copyOf(body, 6));
        return Arrays.copyOfRange(body, 6, body.length);
    }

    static byte[] encode(Image image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegEncoder.write(image, out, JpegOptions.jpeg());
        return out.toByteArray();
    }

    /** The marker codes of the segments before the first SOF, by walking the lengths. */
    static List<Integer> headerMarkers(byte[] jpeg) {
        List<Integer> m = new ArrayList<>();
        int p = 2;
        while ((jpeg[p + 1] & 0xFF) != 0xC0 && (jpeg[p + 1] & 0xFF) != 0xC2) {
            m.add(jpeg[p + 1] & 0xFF);
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return m;
    }

    @ParameterizedTest(name = "little={0} orientation={1} autoOrient={2}")
    @CsvSource({"true,1,true", "false,1,true", "true,6,true", "false,6,true", "true,3,true", "false,8,true",
            "true,6,false", "false,6,false", "true,8,false", "false,3,false", "true,1,false"})
    void blockIsCarriedWithOnlyTheOrientationSetToThePixels(boolean little, int orientation, boolean autoOrient) {
        byte[] block = ExifBlocks.camera(little, orientation);
        byte[] jpeg = jpegWith(app1(block));
        Image image = Decoders.open(jpeg, "in.jpg", LoadOptions.defaults().autoOrient(autoOrient));
        assertArrayEquals(block, image.metadata.exif(), "the decoder keeps the block as it is");
        int expected = autoOrient ? 1 : orientation;
        byte[] out = encode(image);
        assertArrayEquals(ExifBlocks.camera(little, expected), writtenBlock(out));
        assertArrayEquals(ExifBlocks.camera(little, orientation), block, "the input block is not changed");
        // JFIF APP0 first, then APP1, then the tables (libjpeg's order)
        assertEquals(List.of(0xE0, 0xE1, 0xDB), headerMarkers(out));
        Image back = JpegDecoder.open(out, "out.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(expected, back.metadata.orientation());
        assertEquals(autoOrient && orientation >= 5 ? 16 : 24, back.width);
    }

    /**
     * PixelXDimension and PixelYDimension in the Exif sub-IFD say the size written, as libvips
     * writes them: here a 24x16 picture whose camera block claimed 4000x3000 is turned upright
     * (orientation 6) and resized, so the file must say 8x12; SHORT and LONG entries, both orders.
     */
    @ParameterizedTest(name = "little={0} sizeType={1}")
    @CsvSource({"true,3", "false,3", "true,4", "false,4"})
    void pixelDimensionsSayTheSizeWritten(boolean little, int sizeType) {
        byte[] block = ExifBlocks.camera(little, 6, 3, 4000, 3000, sizeType);
        Image image = Decoders.open(jpegWith(app1(block)), "in.jpg", LoadOptions.defaults());
        Image small = dev.lamina.resample.Resize.build(image, 8, 12, dev.lamina.model.Kernel.LINEAR);
        assertArrayEquals(ExifBlocks.camera(little, 1, 3, 8, 12, sizeType), writtenBlock(encode(small)));
    }

    @ParameterizedTest(name = "little={0}")
    @ValueSource(booleans = {true, false})
    void longOrientationIsPatchedInItsByteOrder(boolean little) {
        byte[] block = ExifBlocks.camera(little, 6, 4);
        Image image = Decoders.open(jpegWith(app1(block)), "in.jpg", LoadOptions.defaults());
        assertEquals(16, image.width, "turned upright from a LONG orientation");
        assertArrayEquals(ExifBlocks.camera(little, 1, 4), writtenBlock(encode(image)));
        Image stored = Decoders.open(jpegWith(app1(block)), "in.jpg", LoadOptions.defaults().autoOrient(false));
        assertArrayEquals(ExifBlocks.camera(little, 3, 4),
                writtenBlock(encode(stored.withMetadata(stored.metadata.withOrientation(3)))));
    }

    @ParameterizedTest(name = "little={0}")
    @ValueSource(booleans = {true, false})
    void blockWithoutOrientation(boolean little) {
        byte[] block = ExifBlocks.camera(little, 0);
        Image image = Decoders.open(jpegWith(app1(block)), "in.jpg", LoadOptions.defaults());
        assertEquals(1, image.metadata.orientation());
        assertArrayEquals(block, writtenBlock(encode(image)), "orientation 1: written as it came");
        // an orientation the block cannot say without moving its offsets: the block is dropped for
        // a minimal one that holds only the orientation
        Image turned = image.withMetadata(image.metadata.withOrientation(6));
        assertArrayEquals(ExifBlocks.orientationOnly(6), writtenBlock(encode(turned)));
    }

    @Test
    void imageWithoutExifAndOrientationOneGetsNoApp1() {
        Image image = Decoders.open(jpegWith(), "in.jpg", LoadOptions.defaults());
        assertNull(image.metadata.exif());
        byte[] out = encode(image);
        assertTrue(app1Segments(out).isEmpty());
        assertEquals(List.of(0xE0, 0xDB), headerMarkers(out));
        assertArrayEquals(ExifBlocks.orientationOnly(8),
                writtenBlock(encode(image.withMetadata(image.metadata.withOrientation(8)))));
    }

    @Test
    void blockTooLargeForOneSegmentIsDropped() {
        Image image = Decoders.open(jpegWith(), "in.jpg", LoadOptions.defaults());
        byte[] camera = ExifBlocks.camera(true, 6);
        // 65535 - 2 (length) - 6 ("Exif\0\0") = 65527 bytes fit; one more does not
        byte[] fits = Arrays.copyOf(camera, 65527);
        byte[] over = Arrays.copyOf(camera, 65528);
        byte[] fitsUpright = Arrays.copyOf(ExifBlocks.camera(true, 1), 65527);
        assertArrayEquals(fitsUpright, writtenBlock(encode(image.withMetadata(image.metadata.withExif(fits)))));
        assertTrue(app1Segments(encode(image.withMetadata(image.metadata.withExif(over)))).isEmpty());
        Metadata sideways = image.metadata.withExif(over).withOrientation(6);
        assertArrayEquals(ExifBlocks.orientationOnly(6), writtenBlock(encode(image.withMetadata(sideways))));
    }

    @Test
    void firstExifApp1Wins() {
        byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(StandardCharsets.ISO_8859_1));
        byte[] first = ExifBlocks.camera(false, 3);
        byte[] second = ExifBlocks.camera(true, 6);
        Image image = JpegDecoder.open(jpegWith(xmp, app1(first), app1(second)), "in.jpg", Limits.defaults(),
                JpegDecodeOptions.defaults());
        assertArrayEquals(first, image.metadata.exif());
        assertEquals(3, image.metadata.orientation());
    }

    @Test
    void iccOnlyWritesNoApp1() {
        byte[] jpeg = jpegWith(app1(ExifBlocks.camera(false, 6)));
        LaminaImage upright = Lamina.open(jpeg, "in.jpg");
        assertNotNull(upright.metadata().exif());
        assertArrayEquals(ExifBlocks.camera(false, 1), writtenBlock(upright.encode(JpegOptions.jpeg())));
        LaminaImage stripped = upright.keepMetadata(Metadata.Keep.ICC_ONLY);
        assertNull(stripped.metadata().exif());
        assertTrue(app1Segments(stripped.encode(JpegOptions.jpeg())).isEmpty());
        assertSame(stripped, stripped.keepMetadata(Metadata.Keep.ICC_ONLY));
        // not turned on load: the orientation alone survives, so viewers still turn it
        LaminaImage stored = Lamina.open(jpeg, "in.jpg", LoadOptions.defaults().autoOrient(false)).keepMetadata(Metadata.Keep.NONE);
        assertArrayEquals(ExifBlocks.orientationOnly(6), writtenBlock(stored.encode(JpegOptions.jpeg())));
    }

    @Test
    void damagedBlocksAreCarriedAndNeverFailTheDecode() {
        byte[] good = ExifBlocks.camera(true, 6);
        List<byte[]> damaged = new ArrayList<>();
        byte[] farIfd = good.clone();
        farIfd[4] = (byte) 0xF0;                      // IFD0 offset past the end
        damaged.add(farIfd);
        damaged.add(Arrays.copyOf(good, 20));         // cut inside IFD0's first entry
        byte[] manyEntries = good.clone();
        manyEntries[8] = (byte) 0xFF;                 // 65535 entries announced
        manyEntries[9] = (byte) 0xFF;
        damaged.add(manyEntries);
        damaged.add(Arrays.copyOf(good, 8));          // a header and nothing else
        Random rnd = new Random(5);
        for (int k = 0; k < 40; k++) {
            byte[] d = good.clone();
            for (int i = 0; i < 6; i++) {
                d[8 + rnd.nextInt(d.length - 8)] = (byte) rnd.nextInt(256);
            }
            damaged.add(d);
        }
        for (byte[] d : damaged) {
            Image image = Decoders.open(jpegWith(app1(d)), "bad.jpg", LoadOptions.defaults());
            assertArrayEquals(d, image.metadata.exif());
            assertEquals(24 * 16, image.width * image.height);
            byte[] written = writtenBlock(encode(image));   // always orientation 1 here
            assertEquals(d.length, written.length);
            // at most the two bytes of an orientation value differ
            int diff = 0;
            for (int i = 0; i < d.length; i++) {
                diff += d[i] != written[i] ? 1 : 0;
            }
            assertTrue(diff <= 4, diff + " bytes changed");   // an orientation SHORT or LONG at most
        }
        // no readable orientation in these: read as 1, written back unchanged
        for (byte[] d : List.of(farIfd, damaged.get(1), damaged.get(3))) {
            Image image = JpegDecoder.open(jpegWith(app1(d)), "bad.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
            assertEquals(1, image.metadata.orientation());
            assertArrayEquals(d, writtenBlock(encode(image)));
        }
        // entries past the end are not read, the ones inside are
        assertEquals(6, JpegDecoder.open(jpegWith(app1(manyEntries)), "bad.jpg", Limits.defaults(),
                JpegDecodeOptions.defaults()).metadata.orientation());
    }

    @Test
    void orientationOutOfRangeReadsAsOneAndIsWrittenAsTheImagesOrientation() {
        byte[] block = ExifBlocks.camera(false, 9);
        Image image = JpegDecoder.open(jpegWith(app1(block)), "o.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(1, image.metadata.orientation());
        assertArrayEquals(block, image.metadata.exif());
        assertArrayEquals(ExifBlocks.camera(false, 1), writtenBlock(encode(image)));
    }

    @Test
    void notATiffHeaderIsNotExif() {
        byte[] notTiff = "XX\0*\0\0\0\bjunk".getBytes(StandardCharsets.ISO_8859_1);
        Image image = JpegDecoder.open(jpegWith(app1(notTiff)), "x.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertNull(image.metadata.exif());
        assertEquals(1, image.metadata.orientation());
        // too short for a header, in a segment that ends right after the code
        image = JpegDecoder.open(jpegWith(segment(0xE1, EXIF_CODE)), "x.jpg", Limits.defaults(),
                JpegDecodeOptions.defaults());
        assertNull(image.metadata.exif());
        assertThrows(LaminaException.class, () -> Metadata.NONE.withExif(concat(EXIF_CODE, ExifBlocks.camera(true, 1))),
                "a block with JPEG's Exif code in front is refused");
    }

    @Test
    void exifBlockReadsTheOrientationOfBothByteOrders() {
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, ExifBlock.orientation(ExifBlocks.camera(true, o)));
            assertEquals(o, ExifBlock.orientation(ExifBlocks.camera(false, o)));
            assertEquals(o, ExifBlock.orientation(ExifBlocks.camera(false, o, 4)));
            assertEquals(o, ExifBlock.orientation(ExifBlocks.orientationOnly(o)));
        }
        assertEquals(1, ExifBlock.orientation(ExifBlocks.camera(true, 0)));
    }
}
