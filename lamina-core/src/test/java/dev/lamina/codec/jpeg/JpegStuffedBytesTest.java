package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sequential scans whose entropy data has many stuffed 0xFF bytes and restart markers: the
 * block decoder refills its bit reader in bulk only where the next eight bytes hold no 0xFF and
 * falls back to the byte-by-byte reader elsewhere, so these files switch between the two paths
 * every few blocks. The full decode must still equal the JDK's ImageIO sample for sample.
 */
class JpegStuffedBytesTest {

    /** A photo crop with its lower half replaced by noise (long codes, many 0xFF bytes). */
    static BufferedImage halfNoise(int w, int h, boolean grey) {
        BufferedImage img = JpegTestSupport.crop(w, h, grey);
        Random rnd = new Random(17);
        for (int y = h / 2; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        return img;
    }

    private static int stuffedBytes(byte[] jpeg) {
        JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
        int n = 0;
        for (int p = f.firstScanPos; p < jpeg.length - 1; p++) {
            if ((jpeg[p] & 0xFF) == 0xFF && jpeg[p + 1] == 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void fullDecodeEqualsImageIoAcrossStuffedBytesAndRestarts() {
        Mode[] modes = {
                Mode.baseline(2, 2).quality(100).restart(2),
                Mode.baseline(1, 1).quality(95).restart(1),
                Mode.baseline(2, 1).quality(100),
        };
        for (boolean grey : new boolean[] {false, true}) {
            for (Mode mode : modes) {
                BufferedImage src = halfNoise(160, 96, grey);
                Mode m = grey ? Mode.baseline(1, 1).quality(mode.quality()).restart(mode.restartInterval()) : mode;
                byte[] jpeg = JpegTestSupport.writeJdk(src, m);
                assertTrue(stuffedBytes(jpeg) > 20, "too few stuffed bytes to exercise the careful path");
                Image image = JpegDecoder.open(jpeg, "t.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
                byte[] got = JpegTestSupport.samples(image);
                byte[] want = JpegTestSupport.samples(JpegTestSupport.readWith(jpeg, true), grey ? 1 : 3);
                assertArrayEquals(want, got, () -> m + " grey " + grey + ": " + JpegTestSupport.diff(want, got));
            }
        }
    }
}
