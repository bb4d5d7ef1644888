package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.conversion.Cast;
import dev.lamina.conversion.Premultiply;
import dev.lamina.conversion.Unpremultiply;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Round trips that must be exact (or exact after rounding) for any content and size. */
class ConversionPropertiesTest {

    @Property(tries = 200)
    void castU8ToU16AndBackIsIdentity(@ForAll @IntRange(min = 1, max = 20) int w, @ForAll @IntRange(min = 1, max = 9) int h,
                                      @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.U8, seed, false);
        Image back = Cast.build(Cast.build(TestImages.image(in), BandFormat.U16), BandFormat.U8);
        TestImages.assertSamples(in, back.fetch(back.bounds()), "U8 -> U16 -> U8");
    }

    @Property(tries = 200)
    void castU8ToF32AndBackIsIdentity(@ForAll @IntRange(min = 1, max = 20) int w, @ForAll @IntRange(min = 1, max = 9) int h,
                                      @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.U8, seed, false);
        Image back = Cast.build(Cast.build(TestImages.image(in), BandFormat.F32), BandFormat.U8);
        TestImages.assertSamples(in, back.fetch(back.bounds()), "U8 -> F32 -> U8");
    }

    @Property(tries = 100)
    void castU16ToF32AndBackIsIdentity(@ForAll @IntRange(min = 1, max = 20) int w, @ForAll @IntRange(min = 1, max = 9) int h,
                                       @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.U16, seed, false);
        Image back = Cast.build(Cast.build(TestImages.image(in), BandFormat.F32), BandFormat.U16);
        TestImages.assertSamples(in, back.fetch(back.bounds()), "U16 -> F32 -> U16");
    }

    /**
     * Where alpha is above 0, unpremultiply undoes premultiply: exactly after casting back to an
     * integer format (the F32 round trip is off by a few float ulps, far below half a step of U16).
     */
    @Property(tries = 200)
    void premultiplyThenUnpremultiplyRestoresTheInput(@ForAll @IntRange(min = 1, max = 16) int w,
                                                      @ForAll @IntRange(min = 1, max = 8) int h,
                                                      @ForAll boolean rgb, @ForAll @IntRange(min = 0, max = 2) int formatIndex,
                                                      @ForAll long seed) {
        BandFormat format = BandFormat.values()[formatIndex];
        int bands = rgb ? 4 : 2;
        Region in = TestImages.random(w, h, bands, format, seed, false);
        Image round = Unpremultiply.build(Premultiply.build(TestImages.image(in)));
        Region back = Cast.build(round, format).fetch(round.bounds());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (in.sample(x, y, bands - 1) == 0) {
                    continue;   // colour under alpha 0 is lost by definition
                }
                for (int b = 0; b < bands; b++) {
                    if (format == BandFormat.F32) {
                        assertEquals(in.sample(x, y, b), back.sample(x, y, b), 1e-6, "(" + x + "," + y + ") band " + b);
                    } else {
                        assertEquals(in.raw(x, y, b), back.raw(x, y, b), "(" + x + "," + y + ") band " + b);
                    }
                }
            }
        }
    }
}
