package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CMYK and YCCK (Adobe) files, which the JDK's reader refuses: the JDK writer makes them from a
 * four-band raster, TwelveMonkeys' reader is the oracle for the stored CMYK samples.
 */
class JpegCmykTest {

    static byte[] writeCmyk(int w, int h, int transform) throws Exception {
        BufferedImage photo = JpegTestSupport.crop(w, h, false);
        WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = photo.getRGB(x, y);
                int c = 255 - (rgb >> 16 & 255);
                int m = 255 - (rgb >> 8 & 255);
                int ye = 255 - (rgb & 255);
                int k = Math.min(c, Math.min(m, ye)) / 2;
                // Adobe convention: stored inverted
                r.setPixel(x, y, new int[] {255 - c + k, 255 - m + k, 255 - ye + k, 255 - k});
            }
        }
        byte[] plain = write(r, null);
        if (transform == 0) {
            return plain;
        }
        // YCCK: the same with the Adobe marker's transform set to 2 (the writer then converts)
        ImageReader jdk = JpegTestSupport.reader(true);
        IIOMetadata meta;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(plain))) {
            jdk.setInput(in);
            meta = jdk.getImageMetadata(0);
        } finally {
            jdk.dispose();
        }
        String fmt = "javax_imageio_jpeg_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
        IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
        adobe.setAttribute("transform", String.valueOf(transform));
        IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        seq.insertBefore(adobe, seq.getFirstChild());
        meta.setFromTree(fmt, root);
        return write(r, meta);
    }

    private static byte[] write(Raster r, IIOMetadata meta) throws Exception {
        ImageWriter wr = JpegTestSupport.jdkWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            wr.setOutput(out);
            wr.write(null, new IIOImage(r, null, meta), wr.getDefaultWriteParam());
        } finally {
            wr.dispose();
        }
        return bytes.toByteArray();
    }

    static Raster readRasterTwelveMonkeys(byte[] jpeg) throws Exception {
        ImageReader r = JpegTestSupport.reader(false);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            r.setInput(in);
            return r.readRaster(0, null);
        } finally {
            r.dispose();
        }
    }

    @ParameterizedTest(name = "{0}x{1} Adobe transform {2}")
    @CsvSource({"40,24,0", "40,24,2", "17,9,0", "17,9,2", "1,1,2"})
    void storedCmykEqualsTwelveMonkeys(int w, int h, int transform) throws Exception {
        byte[] jpeg = writeCmyk(w, h, transform);
        JpegFrame f = JpegFrame.parse(jpeg, "cmyk.jpg", Limits.defaults());
        assertEquals(4, f.components.length);
        assertEquals(transform == 2 ? JpegFrame.ColourModel.YCCK : JpegFrame.ColourModel.CMYK, f.colourModel());
        Raster oracle = readRasterTwelveMonkeys(jpeg);
        byte[] want = new byte[w * h * 4];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < 4; b++) {
                    want[i++] = (byte) oracle.getSample(x, y, b);
                }
            }
        }
        // TwelveMonkeys' readRaster gives the components as stored (no YCCK conversion)
        byte[] raw = JpegDecoder.decodeCmyk(jpeg, "cmyk.jpg", true);
        assertArrayEquals(want, raw, () -> JpegTestSupport.diff(want, raw));
        byte[] cmyk = JpegDecoder.decodeCmyk(jpeg, "cmyk.jpg", false);
        if (transform == 2) {
            // libjpeg's ycck_cmyk_convert, in floating point: C = 255 - (Y + 1.402 (Cr - 128)), ...
            for (int p = 0; p < w * h; p++) {
                double y = want[4 * p] & 0xFF;
                double cb = (want[4 * p + 1] & 0xFF) - 128;
                double cr = (want[4 * p + 2] & 0xFF) - 128;
                double[] rgb = {y + 1.402 * cr, y - 0.34414 * cb - 0.71414 * cr, y + 1.772 * cb};
                for (int b = 0; b < 3; b++) {
                    double expected = 255 - Math.max(0, Math.min(255, rgb[b]));
                    int actual = cmyk[4 * p + b] & 0xFF;
                    assertTrue(Math.abs(expected - actual) <= 1, "pixel " + p + " band " + b + ": " + actual + " vs " + expected);
                }
                assertEquals(want[4 * p + 3], cmyk[4 * p + 3]);
            }
        } else {
            assertArrayEquals(want, cmyk);
        }
        for (int p = 0; p < w * h * 4; p++) {
            want[p] = cmyk[p];   // the RGB check below starts from the CMYK samples
        }

        // and the public decoder gives RGB = C' K' / 255 of those samples
        Image image = JpegDecoder.open(jpeg, "cmyk.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(Interpretation.RGB, image.interpretation);
        byte[] rgb = JpegTestSupport.samples(image);
        for (int p = 0; p < w * h; p++) {
            int k = want[4 * p + 3] & 0xFF;
            for (int b = 0; b < 3; b++) {
                int expected = (int) Math.round((want[4 * p + b] & 0xFF) * k / 255.0);
                assertEquals(expected, rgb[3 * p + b] & 0xFF, "pixel " + p + " band " + b);
            }
        }
    }
}
