package dev.lamina.codec.imageio;

import dev.lamina.JpegOptions;
import dev.lamina.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPEGs with an EXIF orientation, built here: an upright 48x32 image of four coloured quadrants is
 * stored the way a camera with orientation o would store it (positions worked out from the EXIF
 * text: "the 0th row is the visual ..., the 0th column is the visual ..."), an APP1 EXIF block is
 * inserted, and the decoder must give the upright image back.
 */
class ImageIoJpegOrientationTest {
    private static final int W = 48, H = 32;
    // upright quadrant colours: top-left red, top-right green, bottom-left blue, bottom-right white
    private static final int[][] QUADRANTS = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};

    private static int[] upright(int x, int y) {
        return QUADRANTS[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)];
    }

    /** Where the stored pixel (x, y) belongs in the upright image, from the EXIF description of o. */
    private static int[] uprightPosition(int o, int x, int y) {
        return switch (o) {
            case 1 -> new int[]{x, y};                     // row 0 top, column 0 left
            case 2 -> new int[]{W - 1 - x, y};             // row 0 top, column 0 right
            case 3 -> new int[]{W - 1 - x, H - 1 - y};     // row 0 bottom, column 0 right
            case 4 -> new int[]{x, H - 1 - y};             // row 0 bottom, column 0 left
            case 5 -> new int[]{y, x};                     // row 0 left, column 0 top
            case 6 -> new int[]{W - 1 - y, x};             // row 0 right, column 0 top
            case 7 -> new int[]{W - 1 - y, H - 1 - x};     // row 0 right, column 0 bottom
            case 8 -> new int[]{y, H - 1 - x};             // row 0 left, column 0 bottom
            default -> throw new IllegalArgumentException();
        };
    }

    private static byte[] storedJpeg(int o, boolean littleEndian) {
        int sw = o >= 5 ? H : W, sh = o >= 5 ? W : H;
        Region stored = Region.allocate(Rect.of(sw, sh), 3, BandFormat.U8);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int[] p = uprightPosition(o, x, y);
                int[] c = upright(p[0], p[1]);
                for (int b = 0; b < 3; b++) {
                    stored.u8()[stored.index(x, y) + b] = (byte) c[b];
                }
            }
        }
        byte[] jpeg = JpegTestFiles.encode(JpegTestFiles.image(stored),
                JpegOptions.jpeg().quality(95).subsampling(JpegOptions.Subsampling.S444));
        return JpegTestFiles.insertAfterSoi(jpeg, JpegTestFiles.exifApp1(o, littleEndian));
    }

    @ParameterizedTest(name = "orientation {0}, little-endian {1}")
    @CsvSource({"1,true", "2,false", "3,true", "4,false", "5,true", "6,false", "7,true", "8,false",
            "1,false", "2,true", "3,false", "4,true", "5,false", "6,true", "7,false", "8,true"})
    void decoderTurnsEveryOrientationUpright(int o, boolean littleEndian) {
        byte[] jpeg = storedJpeg(o, littleEndian);

        Image asStored = ImageIoJpegDecoder.open(jpeg, "o" + o + ".jpg", Limits.defaults(), false);
        assertEquals(o, asStored.metadata.orientation());
        assertEquals(o >= 5 ? H : W, asStored.width);

        Image img = ImageIoJpegDecoder.open(jpeg, "o" + o + ".jpg", Limits.defaults(), true);
        assertEquals(1, img.metadata.orientation());
        assertEquals(W, img.width);
        assertEquals(H, img.height);
        Region px = img.fetch(img.bounds());
        // the middle of each quadrant, and the corners: a misplaced quadrant is off by 255 somewhere
        int[][] probes = {{12, 8}, {36, 8}, {12, 24}, {36, 24}, {0, 0}, {W - 1, 0}, {0, H - 1}, {W - 1, H - 1}};
        for (int[] p : probes) {
            int[] expected = upright(p[0], p[1]);
            for (int b = 0; b < 3; b++) {
                double v = px.raw(p[0], p[1], b);
                assertTrue(Math.abs(v - expected[b]) < 40, "orientation " + o + " pixel (" + p[0] + "," + p[1]
                        + ") band " + b + " is " + v + ", expected " + expected[b]);
            }
        }
    }
}
