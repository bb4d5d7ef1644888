package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DCT-domain scaling against the full decode (ImageIO's) reduced by a box average of
 * {@code scale x scale} pixels (partial boxes at the right and bottom edges). The figures printed
 * here are the ones in docs/jpeg.md.
 */
class JpegScaleTest {

    @ParameterizedTest(name = "1/{0} {1}x{2} grey={3} {4}x{5} progressive={6} chromaDcOnly={7}")
    @CsvSource({
            "2,203,141,false,2,2,false,false",
            "4,203,141,false,2,2,false,false",
            "8,203,141,false,2,2,false,false",
            "2,203,141,false,1,1,false,false",
            "4,203,141,false,1,1,false,false",
            "8,203,141,false,1,1,false,false",
            "2,203,141,false,2,1,true,false",
            "4,203,141,false,2,1,true,false",
            "8,203,141,false,2,1,true,false",
            "2,203,141,true,1,1,false,false",
            "4,203,141,true,1,1,false,false",
            "8,203,141,true,1,1,false,false",
            "4,203,141,false,4,1,false,false",
            "8,203,141,false,1,2,false,false",
            "2,203,141,false,4,1,true,false",
            "8,7,5,false,2,2,false,false",
            "2,1,1,false,2,2,false,false",
            "4,33,9,false,4,1,false,false",
            "2,50,31,false,1,2,false,false",
            "8,203,141,false,2,1,false,false",
            "8,203,141,false,4,1,false,false",
            "8,203,141,false,2,2,false,true",
            "8,203,141,false,2,1,false,true",
            "8,203,141,false,1,2,false,true",
            "8,203,141,false,4,1,false,true",
            "8,203,141,false,1,1,false,true",
            "8,203,141,true,1,1,false,true",
            "8,7,5,false,2,2,false,true",
            "8,203,141,false,2,1,true,true"})
    void scaledDecodeIsCloseToFullDecodeThenBoxReduce(int scale, int w, int h, boolean grey, int hy, int vy, boolean prog,
                                                       boolean chromaDcOnly) {
        Mode mode = Mode.baseline(hy, vy).quality(90);
        byte[] jpeg = JpegTestSupport.writeJdk(JpegTestSupport.crop(w, h, grey), prog ? mode.asProgressive() : mode);
        int bands = grey ? 1 : 3;
        byte[] full = JpegTestSupport.samples(JpegTestSupport.readWith(jpeg, true), bands);
        int sw = (w + scale - 1) / scale;
        int sh = (h + scale - 1) / scale;
        byte[] box = new byte[sw * sh * bands];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                for (int b = 0; b < bands; b++) {
                    int sum = 0;
                    int n = 0;
                    for (int yy = y * scale; yy < Math.min(h, (y + 1) * scale); yy++) {
                        for (int xx = x * scale; xx < Math.min(w, (x + 1) * scale); xx++) {
                            sum += full[(yy * w + xx) * bands + b] & 0xFF;
                            n++;
                        }
                    }
                    box[(y * sw + x) * bands + b] = (byte) ((sum + n / 2) / n);
                }
            }
        }
        Image image = JpegDecoder.open(jpeg, "s.jpg", Limits.defaults(),
                JpegDecodeOptions.defaults().scale(scale).eighthChromaDcOnly(chromaDcOnly));
        assertEquals(sw, image.width);
        assertEquals(sh, image.height);
        byte[] got = JpegTestSupport.samples(image);
        double psnr = JpegTestSupport.psnr(box, got);
        double mae = 0;
        int max = 0;
        for (int i = 0; i < got.length; i++) {
            int d = Math.abs((got[i] & 0xFF) - (box[i] & 0xFF));
            mae += d;
            max = Math.max(max, d);
        }
        mae /= got.length;
        // luma alone: what the chroma resolution cannot explain
        double lumaSe = 0;
        for (int i = 0; i < got.length; i += bands) {
            double dl = bands == 1 ? (got[i] & 0xFF) - (box[i] & 0xFF)
                    : 0.299 * ((got[i] & 0xFF) - (box[i] & 0xFF)) + 0.587 * ((got[i + 1] & 0xFF) - (box[i + 1] & 0xFF))
                    + 0.114 * ((got[i + 2] & 0xFF) - (box[i + 2] & 0xFF));
            lumaSe += dl * dl;
        }
        double lumaPsnr = 10 * Math.log10(255.0 * 255.0 * (got.length / bands) / Math.max(1e-9, lumaSe));
        System.out.printf("jpeg scale 1/%d %dx%d %s %dx%d%s%s: PSNR %.1f dB (luma %.1f dB), mean abs %.2f, max %d%n",
                scale, w, h, grey ? "grey" : "colour", hy, vy, prog ? " progressive" : "",
                chromaDcOnly ? " chroma DC only" : "", psnr, lumaPsnr, mae, max);
        // The reduced IDCT is close to a box filter, luma and chroma alike (chroma subsampled one
        // way only is decoded with the larger IDCT and averaged the other way, so it keeps its
        // resolution). 4:2:0 chroma differs most: the full decode's fancy upsampling blurs it.
        // 4:1:1 at 1/2 still upsamples chroma 2x (with the triangle filter) where the full decode
        // replicated it 4x (libjpeg 6b has no fancy 4x): smoother, so further from the reference.
        boolean subsampled = !grey && (hy > 1 || vy > 1);
        if (chromaDcOnly) {
            byte[] dflt = JpegTestSupport.samples(JpegDecoder.open(jpeg, "s.jpg", Limits.defaults(),
                    JpegDecodeOptions.defaults().scale(scale)));
            if (!subsampled) {
                // nothing is subsampled: every component already takes the 1x1 IDCT
                assertArrayEquals(dflt, got, JpegTestSupport.diff(dflt, got));
                return;
            }
        }
        if (w >= 50 && chromaDcOnly) {
            // Chroma from its DCs alone has half the resolution of the box-reduced reference
            // (4:2:0: one chroma sample per 16x16 pixels where the reference has one per 8x8), so
            // colour edges are off by up to a block (the trade-off in docs/jpeg.md); luma is the same.
            assertTrue(lumaPsnr > 38, "luma PSNR " + lumaPsnr);
            assertTrue(psnr > 23, "PSNR " + psnr);
            assertTrue(mae < 12, "mean abs " + mae);
        } else if (w >= 50) {
            boolean smoother = hy == 4 && scale == 2;
            assertTrue(lumaPsnr > 38, "luma PSNR " + lumaPsnr);
            assertTrue(psnr > (smoother ? 30 : 35), "PSNR " + psnr);
            assertTrue(mae < (smoother ? 5 : 3), "mean abs " + mae);
        }
    }
}
