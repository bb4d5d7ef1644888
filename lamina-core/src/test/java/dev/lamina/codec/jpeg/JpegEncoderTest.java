package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The encoder against the JDK's ImageIO writer at the same quality and sampling: every output
 * decodes in ImageIO, its PSNR is within 0.1 dB of ImageIO's and its size is no larger.
 */
class JpegEncoderTest {

    static Image lamina(BufferedImage b) {
        boolean grey = b.getType() == BufferedImage.TYPE_BYTE_GRAY;
        int bands = grey ? 1 : 3;
        Region r = Region.allocate(Rect.of(b.getWidth(), b.getHeight()), bands, BandFormat.U8);
        System.arraycopy(JpegTestSupport.samples(b, bands), 0, r.u8(), 0, r.u8().length);
        return MemorySource.image(r, grey ? Interpretation.GREY : Interpretation.RGB, false, Metadata.NONE);
    }

    static byte[] encode(Image image, JpegOptions options, JpegEncodeExtras extras) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegEncoder.write(image, out, options, extras);
        return out.toByteArray();
    }

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        // odd and even heights with a partial last row of MCUs (141, 13, 22, 42), whole MCUs (48);
        // 403x301 is two strips (208 rows, then 93)
        int[][] sizes = {{203, 141}, {1, 1}, {7, 5}, {17, 13}, {33, 1}, {1, 33}, {50, 31}, {64, 48}, {30, 22},
                {2, 2}, {18, 42}, {403, 301}};
        for (int[] s : sizes) {
            for (int q : new int[] {85, 50, 95}) {
                list.add(Arguments.of(s[0], s[1], false, q, true));
                list.add(Arguments.of(s[0], s[1], false, q, false));
                list.add(Arguments.of(s[0], s[1], true, q, false));
            }
        }
        return list.stream();
    }

    /** Same coefficients as libjpeg: ImageIO decodes both files to the same samples; sizes compared. */
    @ParameterizedTest(name = "{0}x{1} grey={2} q{3} 420={4}")
    @MethodSource("cases")
    void matchesImageIoWriter(int w, int h, boolean grey, int quality, boolean s420) {
        BufferedImage src = JpegTestSupport.crop(w, h, grey);
        byte[] theirs = JpegTestSupport.writeJdk(src, Mode.baseline(s420 ? 2 : 1, s420 ? 2 : 1).quality(quality));
        byte[] ours = encode(lamina(src), JpegOptions.jpeg().quality(quality)
                .subsampling(s420 ? JpegOptions.Subsampling.S420 : JpegOptions.Subsampling.S444), JpegEncodeExtras.none());
        int bands = grey ? 1 : 3;
        byte[] input = JpegTestSupport.samples(src, bands);
        byte[] theirPixels = JpegTestSupport.samples(JpegTestSupport.readWith(theirs, true), bands);
        byte[] ourPixels = JpegTestSupport.samples(JpegTestSupport.readWith(ours, true), bands);
        double theirPsnr = JpegTestSupport.psnr(input, theirPixels);
        double ourPsnr = JpegTestSupport.psnr(input, ourPixels);
        assertTrue(ourPsnr >= theirPsnr - 0.1, "PSNR " + ourPsnr + " vs ImageIO " + theirPsnr);
        assertTrue(ours.length <= theirs.length, ours.length + " bytes vs ImageIO " + theirs.length);
        // The JDK scales the tables in float: at some qualities (85: 0.85f gives 0.29999995, so
        // 35 x 0.3 rounds to 10 where IJG's integers give 11) its tables differ by one step in a
        // few entries. Where the tables agree, the coefficients must too: same samples out.
        JpegFrame theirFrame = JpegFrame.parse(theirs, "imageio", Limits.defaults());
        JpegFrame ourFrame = JpegFrame.parse(ours, "ours", Limits.defaults());
        boolean sameTables = java.util.Arrays.equals(theirFrame.quant[0], ourFrame.quant[0])
                && (grey || java.util.Arrays.equals(theirFrame.quant[1], ourFrame.quant[1]));
        if (sameTables) {
            assertArrayEquals(theirPixels, ourPixels, () -> JpegTestSupport.diff(theirPixels, ourPixels));
        } else {
            assertEquals(85, quality, "tables differ where IJG and the JDK should agree");
        }
    }

    @Test
    void everyQualityFrom1To100() {
        BufferedImage src = JpegTestSupport.crop(48, 40, false);
        byte[] input = JpegTestSupport.samples(src, 3);
        Image image = lamina(src);
        for (int q = 1; q <= 100; q++) {
            boolean s420 = q < 90;
            byte[] theirs = JpegTestSupport.writeJdk(src, Mode.baseline(s420 ? 2 : 1, s420 ? 2 : 1).quality(q));
            byte[] ours = encode(image, JpegOptions.jpeg().quality(q), JpegEncodeExtras.none());
            byte[] tp = JpegTestSupport.samples(JpegTestSupport.readWith(theirs, true), 3);
            byte[] op = JpegTestSupport.samples(JpegTestSupport.readWith(ours, true), 3);
            double tPsnr = JpegTestSupport.psnr(input, tp);
            double oPsnr = JpegTestSupport.psnr(input, op);
            int qq = q;
            assertTrue(oPsnr >= tPsnr - 0.1, () -> "q" + qq + ": PSNR " + oPsnr + " vs " + tPsnr);
            assertTrue(ours.length <= theirs.length, () -> "q" + qq + ": " + ours.length + " vs " + theirs.length);
        }
    }

    @Test
    void optimisedTablesAreSmallerAndDecodeToTheSameSamples() {
        BufferedImage src = JpegTestSupport.crop(203, 141, false);
        Image image = lamina(src);
        JpegOptions o = JpegOptions.jpeg().quality(85);
        byte[] std = encode(image, o, JpegEncodeExtras.none());
        byte[] opt = encode(image, o, new JpegEncodeExtras(true, 0));
        assertTrue(opt.length < std.length, opt.length + " vs " + std.length);
        assertArrayEquals(JpegTestSupport.samples(JpegTestSupport.readWith(std, true), 3),
                JpegTestSupport.samples(JpegTestSupport.readWith(opt, true), 3));
        BufferedImage g = JpegTestSupport.crop(203, 141, true);
        byte[] gstd = encode(lamina(g), o, JpegEncodeExtras.none());
        byte[] gopt = encode(lamina(g), o, new JpegEncodeExtras(true, 0));
        assertTrue(gopt.length < gstd.length);
        assertArrayEquals(JpegTestSupport.samples(JpegTestSupport.readWith(gstd, true), 1),
                JpegTestSupport.samples(JpegTestSupport.readWith(gopt, true), 1));
    }

    @Test
    void restartMarkersDecodeToTheSameSamples() {
        for (boolean grey : new boolean[] {false, true}) {
            BufferedImage src = JpegTestSupport.crop(203, 141, grey);
            int bands = grey ? 1 : 3;
            Image image = lamina(src);
            JpegOptions o = JpegOptions.jpeg().quality(75);
            byte[] plain = JpegTestSupport.samples(JpegTestSupport.readWith(encode(image, o, JpegEncodeExtras.none()), true), bands);
            for (int interval : new int[] {1, 3, 17}) {
                for (boolean optimise : new boolean[] {false, true}) {
                    byte[] jpeg = encode(image, o, new JpegEncodeExtras(optimise, interval));
                    int rst = 0;
                    for (int i = 0; i + 1 < jpeg.length; i++) {
                        if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                            rst++;
                        }
                    }
                    assertTrue(rst > 0, "no restart markers written");
                    assertArrayEquals(plain, JpegTestSupport.samples(JpegTestSupport.readWith(jpeg, true), bands));
                }
            }
        }
    }

    @Test
    void alphaIsFlattenedOnTheBackgroundNeverBlack() {
        Region r = Region.allocate(Rect.of(16, 16), 4, BandFormat.U8);
        byte[] a = r.u8();
        for (int i = 0; i < 256; i++) {
            a[4 * i] = (byte) 200;
            a[4 * i + 1] = 0;
            a[4 * i + 2] = 0;
            a[4 * i + 3] = (byte) (i < 128 ? 0 : 255);   // top half transparent
        }
        Image image = MemorySource.image(r, Interpretation.RGB, true, Metadata.NONE);
        BufferedImage white = JpegTestSupport.readWith(encode(image, JpegOptions.jpeg().quality(95), null), true);
        int top = white.getRGB(8, 2);
        assertTrue(((top >> 16) & 255) > 245 && ((top >> 8) & 255) > 245 && (top & 255) > 245,
                Integer.toHexString(top));
        int bottom = white.getRGB(8, 13);
        assertTrue(((bottom >> 16) & 255) > 180 && ((bottom >> 8) & 255) < 30, Integer.toHexString(bottom));
        BufferedImage blue = JpegTestSupport.readWith(encode(image, JpegOptions.jpeg().quality(95).background(0x0000FF), null), true);
        int t = blue.getRGB(8, 2);
        assertTrue((t & 255) > 240 && ((t >> 16) & 255) < 20, Integer.toHexString(t));
    }

    @Test
    void sixteenBitAndFloatAreCastTo8Bits() {
        BufferedImage src = JpegTestSupport.crop(40, 24, false);
        byte[] s8 = JpegTestSupport.samples(src, 3);
        Region r16 = Region.allocate(Rect.of(40, 24), 3, BandFormat.U16);
        Region rf = Region.allocate(Rect.of(40, 24), 3, BandFormat.F32);
        for (int i = 0; i < s8.length; i++) {
            r16.u16()[i] = (short) ((s8[i] & 0xFF) * 257);
            rf.f32()[i] = (s8[i] & 0xFF) / 255f;
        }
        JpegOptions o = JpegOptions.jpeg().quality(90);
        byte[] ref = encode(lamina(src), o, null);
        assertArrayEquals(ref, encode(MemorySource.image(r16, Interpretation.RGB, false, Metadata.NONE), o, null));
        assertArrayEquals(ref, encode(MemorySource.image(rf, Interpretation.RGB, false, Metadata.NONE), o, null));
    }

    @Test
    void iccOrientationAndDensityAreCarriedOver() {
        byte[] icc = new byte[150_000];   // three APP2 segments
        for (int i = 0; i < icc.length; i++) {
            icc[i] = (byte) (i * 31 + (i >> 8));
        }
        Metadata m = new Metadata(icc, null, 0, -1, new Metadata.Density(11811, 11811, true), List.of(), 6, null);
        Image image = lamina(JpegTestSupport.crop(20, 10, false)).withMetadata(m);
        byte[] jpeg = encode(image, JpegOptions.jpeg(), null);
        int app2 = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xE2) {
                app2++;
            }
        }
        assertEquals(3, app2);
        Image back = JpegDecoder.open(jpeg, "t.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertArrayEquals(icc, back.metadata.iccProfile());
        assertEquals(6, back.metadata.orientation());
        assertNotNull(back.metadata.density());
        assertEquals(11811, back.metadata.density().pixelsPerUnitX());   // 300 dpi
        // ImageIO reads it too
        assertEquals(20, JpegTestSupport.readWith(jpeg, true).getWidth());
    }

    /**
     * Progressive output holds the same coefficients as baseline: ImageIO decodes both to the same
     * samples. Against ImageIO's own progressive file: same PSNR rule, size no larger.
     */
    @ParameterizedTest(name = "{0}x{1} grey={2} restart={3}")
    @org.junit.jupiter.params.provider.CsvSource({"203,141,false,0", "203,141,true,0", "17,13,false,0", "1,1,false,0",
            "50,31,true,0", "203,141,false,5", "64,48,true,3", "640,480,false,0"})
    void progressiveHoldsTheBaselineCoefficients(int w, int h, boolean grey, int restart) {
        BufferedImage src = JpegTestSupport.crop(w, h, grey);
        int bands = grey ? 1 : 3;
        Image image = lamina(src);
        JpegOptions o = JpegOptions.jpeg().quality(80);
        byte[] base = encode(image, o, JpegEncodeExtras.none());
        byte[] prog = encode(image, o.progressive(true), new JpegEncodeExtras(false, restart));
        assertTrue(JpegFrame.parse(prog, "p", Limits.defaults()).progressive);
        byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(base, true), bands);
        byte[] got = JpegTestSupport.samples(JpegTestSupport.readWith(prog, true), bands);
        assertArrayEquals(want, got, () -> JpegTestSupport.diff(want, got));
        assertArrayEquals(want, JpegTestSupport.samples(JpegDecoder.open(prog, "p", Limits.defaults(), JpegDecodeOptions.defaults())));
        if (restart == 0) {
            byte[] theirs = JpegTestSupport.writeJdk(src, Mode.baseline(grey ? 1 : 2, grey ? 1 : 2).quality(80).asProgressive());
            byte[] input = JpegTestSupport.samples(src, bands);
            double tp = JpegTestSupport.psnr(input, JpegTestSupport.samples(JpegTestSupport.readWith(theirs, true), bands));
            double op = JpegTestSupport.psnr(input, got);
            assertTrue(op >= tp - 0.1, op + " vs " + tp);
            assertTrue(prog.length <= theirs.length, prog.length + " vs ImageIO " + theirs.length);
        }
    }

    @Test
    void edgesOf65500PixelsAndTooLarge() {
        for (int[] size : new int[][] {{65500, 3}, {2, 65500}}) {
            BufferedImage src = JpegTestSupport.crop(size[0], size[1], false);
            byte[] ours = encode(lamina(src), JpegOptions.jpeg().quality(80), null);
            byte[] theirs = JpegTestSupport.writeJdk(src, Mode.baseline(2, 2).quality(80));
            byte[] tp = JpegTestSupport.samples(JpegTestSupport.readWith(theirs, true), 3);
            byte[] op = JpegTestSupport.samples(JpegTestSupport.readWith(ours, true), 3);
            assertArrayEquals(tp, op);
        }
        Region r = Region.allocate(Rect.of(65536, 1), 1, BandFormat.U8);
        Image wide = MemorySource.image(r, Interpretation.GREY, false, Metadata.NONE);
        dev.lamina.model.LaminaException e = org.junit.jupiter.api.Assertions.assertThrows(dev.lamina.model.LaminaException.class,
                () -> encode(wide, JpegOptions.jpeg(), null));
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
    }

    @Test
    void greyStaysGrey() {
        byte[] jpeg = encode(lamina(JpegTestSupport.crop(30, 20, true)), JpegOptions.jpeg(), null);
        JpegFrame f = JpegFrame.parse(jpeg, "g", Limits.defaults());
        assertEquals(1, f.components.length);
    }
}
