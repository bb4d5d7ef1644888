package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.StripSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Files written by the JDK's own PNG encoder from pixels computed here: a tall image streams
 * through the strip sink with every sample right, more than once, through every entry point; an
 * Adam7 file and a 16-bit file decode to the pixels they were written from.
 */
class PngStreamingTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 20_000;
    private static byte[] tallPng;

    /** The test pattern: smooth ramps plus a little hash noise, so the encoder uses every filter. */
    private static int sample(int x, int y, int band) {
        int noise = (x * 73856093 ^ y * 19349663 ^ band * 83492791) >>> 27;   // 0..31
        return switch (band) {
            case 0 -> (x * 4 + y) & 0xFF;
            case 1 -> (y / 7 + noise) & 0xFF;
            case 2 -> (x * y + band) & 0xFF;
            default -> (255 - x - noise) & 0xFF;
        };
    }

    private static BufferedImage pattern(int w, int h, int type, int bands) {
        BufferedImage image = new BufferedImage(w, h, type);
        WritableRaster r = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    r.setSample(x, y, b, sample(x, y, b));
                }
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (interlaced) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @BeforeAll
    static void writeTallImage() throws IOException {
        tallPng = write(pattern(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR, 3), false);
    }

    /** Pulls the image through the strip sink and checks every sample against the pattern. */
    private static void checkAllStrips(Image image, int bands) {
        AtomicInteger nextRow = new AtomicInteger();
        StripSink.run(image, strip -> {
            Rect r = strip.rect();
            assertEquals(nextRow.get(), r.y(), "strips in order");
            byte[] s = strip.u8();
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = 0; x < image.width; x++) {
                    int i = strip.index(x, y);
                    for (int b = 0; b < bands; b++) {
                        if ((s[i + b] & 0xFF) != sample(x, y, b)) {
                            fail("(" + x + "," + y + ") band " + b + ": " + (s[i + b] & 0xFF) + ", expected "
                                    + sample(x, y, b));
                        }
                    }
                }
            }
            nextRow.set(r.bottom());
        });
        assertEquals(image.height, nextRow.get());
    }

    @Test
    void tallImageStreamsThroughTheStripSinkTwice(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tall.png");
        Files.write(file, tallPng);
        Image image = PngDecoder.open(file, Limits.defaults());
        assertEquals(WIDTH, image.width);
        assertEquals(HEIGHT, image.height);
        assertEquals(Interpretation.RGB, image.interpretation);
        assertFalse(image.hasAlpha);
        assertTrue(image.sequential);
        checkAllStrips(image, 3);
        checkAllStrips(image, 3);   // the same Image again: the file is read once more
    }

    @Test
    void bytesAndStreamsGiveTheSamePixels() {
        checkAllStrips(PngDecoder.open(tallPng, "tall.png", Limits.defaults()), 3);
        checkAllStrips(PngDecoder.open(new ByteArrayInputStream(tallPng), "tall.png", Limits.defaults()), 3);
    }

    @Test
    void rowsAskedForAgainAfterLeavingTheCacheAreDecodedAgain() {
        Image image = PngDecoder.open(tallPng, "tall.png", Limits.defaults());
        Region late = image.fetch(new Rect(0, 15_000, WIDTH, 3));
        Region early = image.fetch(new Rect(0, 100, WIDTH, 3));
        assertEquals(sample(5, 15_001, 1), (int) late.raw(5, 15_001, 1));
        assertEquals(sample(7, 102, 2), (int) early.raw(7, 102, 2));
    }

    @Test
    void fileCutInsideTheImageDataFailsWhenPixelsArePulled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cut.png");
        Files.write(file, Arrays.copyOf(tallPng, tallPng.length / 2));
        Image image = PngDecoder.open(file, Limits.defaults());   // header and first IDAT header are there
        LaminaException e = assertThrows(LaminaException.class, () -> StripSink.run(image, strip -> { }));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // and again: a failed decode leaves the image usable for another (failing) attempt
        assertThrows(LaminaException.class, () -> StripSink.run(image, strip -> { }));
    }

    @Test
    void interlacedRgbaDecodesToThePixelsItWasWrittenFrom() throws IOException {
        for (int[] size : new int[][] {{37, 23}, {1, 1}, {3, 9}, {8, 8}, {9, 2}}) {
            byte[] png = write(pattern(size[0], size[1], BufferedImage.TYPE_4BYTE_ABGR, 4), true);
            assertEquals(1, png[8 + 8 + 12], "ImageIO wrote Adam7");   // IHDR interlace byte
            Image image = PngDecoder.open(png, "adam7.png", Limits.defaults());
            assertFalse(image.sequential);
            assertTrue(image.hasAlpha);
            checkAllStrips(image, 4);
            checkAllStrips(image, 4);
        }
    }

    @Test
    void sixteenBitGreyKeepsEverySample() throws IOException {
        int w = 300;
        int h = 200;
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = grey.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, (x * 218 + y * 3 + (x * y & 0xFF)) & 0xFFFF);
            }
        }
        Image image = PngDecoder.open(write(grey, false), "grey16.png", Limits.defaults());
        assertEquals(BandFormat.U16, image.format);
        assertEquals(Interpretation.GREY, image.interpretation);
        Region all = image.materialise(Limits.defaults(), "test").fetch(image.bounds());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals((x * 218 + y * 3 + (x * y & 0xFF)) & 0xFFFF, (int) all.raw(x, y, 0));
            }
        }
    }
}
