package dev.lamina.codec.imageio;

import dev.lamina.JpegOptions;
import dev.lamina.LaminaException;
import dev.lamina.Limits;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.lamina.codec.imageio.JpegTestFiles.coffee;
import static dev.lamina.codec.imageio.JpegTestFiles.encode;
import static dev.lamina.codec.imageio.JpegTestFiles.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad inputs give a LaminaException whose message starts with the input's name, and nothing else escapes. */
class ImageIoJpegErrorsTest {
    private static final byte[] GOOD = encode(image(coffee()), JpegOptions.jpeg().quality(85));

    private static LaminaException refused(byte[] data, String name, Limits limits) {
        LaminaException e = assertThrows(LaminaException.class, () -> ImageIoJpegDecoder.open(data, name, limits, true));
        assertTrue(e.getMessage().startsWith(name + ": "), "message names the input: " + e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        return e;
    }

    private static LaminaException refused(byte[] data, String name) {
        return refused(data, name, Limits.defaults());
    }

    @Test
    void notAJpeg() {
        assertTrue(refused("\u0089PNG\r\n\u001a\n....".getBytes(), "a.png").getMessage().contains("not a JPEG"));
        assertTrue(refused(new byte[0], "empty.jpg").getMessage().contains("not a JPEG"));
        byte[] noise = new byte[500];
        new SplittableRandom(3).nextBytes(noise);
        refused(noise, "noise.jpg");
    }

    @Test
    void garbageAfterTheSoiMarker() {
        byte[] g = new byte[400];
        new SplittableRandom(4).nextBytes(g);
        g[0] = (byte) 0xFF;
        g[1] = (byte) 0xD8;
        g[2] = (byte) 0xFF;
        refused(g, "garbage.jpg");
    }

    @Test
    void truncatedInTheImageData() {
        LaminaException e = refused(Arrays.copyOf(GOOD, GOOD.length * 6 / 10), "cut.jpg");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        refused(Arrays.copyOf(GOOD, GOOD.length - 2), "no-eoi.jpg");
    }

    @Test
    void truncatedInTheHeader() {
        LaminaException e = refused(Arrays.copyOf(GOOD, 30), "header.jpg");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        int sos = JpegTestFiles.first(GOOD, 0xDA).offset();
        refused(Arrays.copyOf(GOOD, sos + 14), "sos-only.jpg");   // the scan header and no data
    }

    @Test
    void corruptHeader() {
        byte[] bad = GOOD.clone();
        int sof = JpegTestFiles.sof(bad).offset();
        bad[sof + 8 + 2] = 3;   // first component uses quantisation table 3, which is never defined
        refused(bad, "qtable.jpg");
    }

    @Test
    void cmykIsRefusedClearly() {
        byte[] bad = GOOD.clone();
        bad[JpegTestFiles.sof(bad).offset() + 7] = 4;
        assertTrue(refused(bad, "cmyk.jpg").getMessage().contains("CMYK"));
    }

    @Test
    void pixelLimitRefusesAHugeHeaderBeforeDecoding() {
        byte[] huge = GOOD.clone();
        int sof = JpegTestFiles.sof(huge).offset();
        // 60000 x 60000 in a file of a few KB: decoding would need 10 GB
        huge[sof + 3] = (byte) (60000 >> 8);
        huge[sof + 4] = (byte) 60000;
        huge[sof + 5] = (byte) (60000 >> 8);
        huge[sof + 6] = (byte) 60000;
        assertTrue(refused(huge, "bomb.jpg").getMessage().contains("over the limit"));
        assertTrue(refused(GOOD, "small.jpg", Limits.defaults().maxPixels(192 * 128 - 1)).getMessage().contains("over the limit"));
        Image ok = ImageIoJpegDecoder.open(GOOD, "small.jpg", Limits.defaults().maxPixels(192 * 128), true);
        assertEquals(192, ok.width);
        assertTrue(refused(GOOD, "big.jpg", Limits.defaults().maxFileBytes(100)).getMessage().contains("over the limit"));
    }

    /** Cuts and flipped bytes anywhere: the decoder either decodes or throws a LaminaException naming the input. */
    @Test
    void damagedFilesNeverLeakForeignExceptions() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            byte[] d = i % 2 == 0 ? Arrays.copyOf(GOOD, rnd.nextInt(GOOD.length)) : GOOD.clone();
            if (i % 2 == 1) {
                for (int k = 0; k < 1 + i % 5; k++) {
                    d[rnd.nextInt(d.length)] = (byte) rnd.nextInt(256);
                }
            }
            String name = "damaged-" + i + ".jpg";
            try {
                Image img = ImageIoJpegDecoder.open(d, name, Limits.defaults(), true);
                img.fetch(img.bounds());
            } catch (LaminaException e) {
                assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
            }
        }
    }

    @Test
    void filesAreNamedByTheirPath(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("photo.jpg");
        Files.write(good, GOOD);
        assertEquals(128, ImageIoJpegDecoder.open(good, Limits.defaults(), true).height);
        Path missing = dir.resolve("missing.jpg");
        LaminaException e = assertThrows(LaminaException.class, () -> ImageIoJpegDecoder.open(missing, Limits.defaults(), true));
        assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(GOOD, GOOD.length / 2));
        e = assertThrows(LaminaException.class, () -> ImageIoJpegDecoder.open(cut, Limits.defaults(), true));
        assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
    }
}
