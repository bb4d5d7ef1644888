package dev.lamina.reference.convolution;

import dev.lamina.convolution.GaussianBlur;
import dev.lamina.convolution.Sharpen;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.TestImages;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random sizes, sigmas, formats and bands: blur and sharpen against the reference, and invariants. */
class BlurPropertiesTest {
    private static final BlurTesting.Tally EXACT = new BlurTesting.Tally();

    @AfterContainer
    static void summary() {
        System.out.println("blur properties, exact path, U8 and U16 against the reference: " + EXACT);
        assertTrue(EXACT.exactFraction() >= 0.999, EXACT.toString());
    }

    @Property(tries = 150)
    void blurMatchesReference(@ForAll @IntRange(min = 1, max = 20) int w, @ForAll @IntRange(min = 1, max = 20) int h,
                              @ForAll @DoubleRange(min = 0.2, max = 6) double sigma, @ForAll BandFormat format,
                              @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = BlurTesting.picture(w, h, bands, format, seed);
        Image out = GaussianBlur.build(TestImages.image(in), sigma);
        BlurTesting.Tally t = BlurTesting.compare(BlurReference.blur(in, sigma), out.fetch(out.bounds()),
                "sigma " + sigma + " " + w + "x" + h + " " + format + " " + bands);
        assertTrue(t.maxError <= 1, t.toString());
        if (format != BandFormat.F32 && !(format == BandFormat.U8 && sigma >= 3)) {
            EXACT.add(t);
        }
    }

    @Property(tries = 80)
    void sharpenMatchesReference(@ForAll @IntRange(min = 1, max = 16) int w, @ForAll @IntRange(min = 1, max = 16) int h,
                                 @ForAll @DoubleRange(min = 0.3, max = 2.5) double sigma,
                                 @ForAll @DoubleRange(min = 0, max = 4) double amount,
                                 @ForAll @DoubleRange(min = 0, max = 0.2) double threshold,
                                 @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = BlurTesting.picture(w, h, bands, BandFormat.U16, seed);
        Image out = Sharpen.build(TestImages.image(in), sigma, amount, threshold);
        BlurTesting.Tally t = BlurTesting.compare(BlurReference.sharpen(in, sigma, amount, threshold), out.fetch(out.bounds()),
                "sharpen " + sigma + " " + amount + " " + threshold);
        assertTrue(t.maxError <= 1, t.toString());
        EXACT.add(t);
    }

    /** A flat image stays flat: the kernel sums to 1 at every position, edges included. */
    @Property(tries = 60)
    void aFlatImageStaysFlat(@ForAll @IntRange(min = 1, max = 30) int w, @ForAll @IntRange(min = 1, max = 30) int h,
                             @ForAll @DoubleRange(min = 0.2, max = 40) double sigma,
                             @ForAll @IntRange(min = 0, max = 255) int value) {
        Region in = Region.allocate(Rect.of(w, h), 3, BandFormat.U8);
        java.util.Arrays.fill(in.u8(), (byte) value);
        Image out = GaussianBlur.build(TestImages.image(in), sigma);
        Region r = out.fetch(out.bounds());
        for (byte b : r.u8()) {
            assertEquals(value, b & 0xFF);
        }
    }

    /** Any rectangle equals the same pixels of the whole: margins are fetched, not assumed. */
    @Property(tries = 60)
    void rectanglesAgreeWithTheWhole(@ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 40) int h,
                                     @ForAll @DoubleRange(min = 0.5, max = 12) double sigma,
                                     @ForAll @IntRange(min = 0, max = 1000) int rx, @ForAll @IntRange(min = 0, max = 1000) int ry,
                                     @ForAll long seed) {
        Region in = BlurTesting.picture(w, h, 4, BandFormat.U8, seed);
        Image out = GaussianBlur.build(TestImages.image(in), sigma);
        Region whole = out.fetch(out.bounds());
        int x = rx % w, y = ry % h;
        Rect r = new Rect(x, y, 1 + (rx / 7) % (w - x), 1 + (ry / 7) % (h - y));
        Region part = out.fetch(r);
        for (int py = r.y(); py < r.bottom(); py++) {
            for (int px = r.x(); px < r.right(); px++) {
                for (int b = 0; b < 4; b++) {
                    assertEquals(whole.raw(px, py, b), part.raw(px, py, b), r + " at " + px + "," + py);
                }
            }
        }
    }
}
