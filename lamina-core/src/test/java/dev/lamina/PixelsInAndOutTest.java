package dev.lamina;

import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.awt.Java2D;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Canvases, raw samples and BufferedImage, against values worked by hand and against Java2D itself. */
class PixelsInAndOutTest {

    @Test
    void aCanvasIsItsColourEverywhere() {
        byte[] px = Lamina.canvas(7, 5, 0x12AB34).pixels8();
        assertEquals(7 * 5 * 3, px.length);
        for (int i = 0; i < px.length; i += 3) {
            assertEquals(0x12, px[i] & 0xFF);
            assertEquals(0xAB, px[i + 1] & 0xFF);
            assertEquals(0x34, px[i + 2] & 0xFF);
        }
    }

    @Test
    void aCanvasAlphaIsRoundedOnceHalvesUp() {
        // 0.5 x 255 = 127.5 -> 128 by the rounding rule; 0.2 x 255 = 51 exactly
        assertEquals(128, Lamina.canvas(1, 1, 0, 0.5).pixels8()[3] & 0xFF);
        assertEquals(51, Lamina.canvas(1, 1, 0, 0.2).pixels8()[3] & 0xFF);
        assertEquals(4, Lamina.canvas(3, 2, 0xFFFFFF, 1.0).bands());
    }

    @Test
    void aHugeCanvasCostsNothingUntilAskedAndAStripOfItIsRight() {
        LaminaImage big = Lamina.canvas(16000, 16000, 0x808080);   // 256 MP described, none held
        LaminaImage small = big.resize(16, 16, Kernel.LINEAR);
        for (byte b : small.pixels8()) {
            assertEquals(0x80, b & 0xFF);
        }
    }

    @Test
    void rawSamplesComeBackAsTheyWent() {
        SplittableRandom r = new SplittableRandom(3);
        for (int bands = 1; bands <= 4; bands++) {
            byte[] in8 = new byte[13 * 7 * bands];
            short[] in16 = new short[in8.length];
            for (int i = 0; i < in8.length; i++) {
                in8[i] = (byte) r.nextInt(256);
                in16[i] = (short) r.nextInt(65536);
            }
            assertArrayEquals(in8, Lamina.fromPixels(in8, 13, 7, bands).pixels8(), bands + " bands, 8 bits");
            assertArrayEquals(in16, Lamina.fromPixels(in16, 13, 7, bands).pixels16(), bands + " bands, 16 bits");
        }
    }

    @Test
    void floatSamplesAreRoundedOnceTo8And16Bits() {
        float[] in = {0f, 0.5f, 1f, 0.2f};
        LaminaImage img = Lamina.fromPixels(in, 1, 1, 4);
        assertArrayEquals(new byte[]{0, (byte) 128, (byte) 255, 51}, img.pixels8());
        // 0.5 x 65535 = 32767.5 -> 32768; 0.2f x 65535 = 13107.000195... -> 13107
        assertArrayEquals(new short[]{0, (short) 32768, (short) 65535, 13107}, img.pixels16());
    }

    @Test
    void wrongRawInputIsABadInputError() {
        assertEquals(LaminaException.Kind.BAD_INPUT,
                assertThrows(LaminaException.class, () -> Lamina.fromPixels(new byte[11], 2, 2, 3)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT,
                assertThrows(LaminaException.class, () -> Lamina.fromPixels(new byte[10], 1, 2, 5)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT,
                assertThrows(LaminaException.class, () -> Lamina.canvas(0, 5, 0)).kind());
    }

    @Test
    void bufferedImagesInAndOutAgreeWithJava2DsOwnReading() {
        SplittableRandom r = new SplittableRandom(9);
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage src = new BufferedImage(11, 6, type);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 11; x++) {
                    src.setRGB(x, y, r.nextInt());
                }
            }
            LaminaImage img = Java2D.from(src);
            boolean alpha = src.getColorModel().hasAlpha();
            assertEquals(alpha ? 4 : 3, img.bands());
            byte[] px = img.pixels8();
            BufferedImage back = Java2D.toBufferedImage(img);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 11; x++) {
                    int want = src.getRGB(x, y);   // Java2D's reading of its own pixel
                    int i = (y * 11 + x) * img.bands();
                    int got = (px[i] & 0xFF) << 16 | (px[i + 1] & 0xFF) << 8 | (px[i + 2] & 0xFF)
                            | (alpha ? (px[i + 3] & 0xFF) << 24 : 0xFF000000);
                    assertEquals(want, got, "type " + type + " pixel " + x + "," + y);
                    assertEquals(want, back.getRGB(x, y), "round trip, type " + type);
                }
            }
        }
    }

    @Test
    void sixteenBitGreyBufferedImagesKeepTheirSixteenBits() {
        BufferedImage src = new BufferedImage(5, 3, BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < 15; i++) {
            src.getRaster().setSample(i % 5, i / 5, 0, i * 4369 + 1);
        }
        short[] px = Java2D.from(src).pixels16();
        for (int i = 0; i < 15; i++) {
            assertEquals(i * 4369 + 1, px[i] & 0xFFFF);
        }
    }
}
