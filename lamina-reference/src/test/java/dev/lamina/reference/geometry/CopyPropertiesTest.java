package dev.lamina.reference.geometry;

import dev.lamina.model.ExtendWith;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Dihedral;
import dev.lamina.geometry.Extend;
import dev.lamina.geometry.Extract;
import dev.lamina.reference.conversion.TestImages;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identities of the pixel-moving operations that must hold exactly for any content and size. */
class CopyPropertiesTest {

    @Property(tries = 200)
    void orientThenItsInverseIsIdentity(@ForAll @IntRange(min = 1, max = 8) int orientation,
                                        @ForAll @IntRange(min = 1, max = 17) int w, @ForAll @IntRange(min = 1, max = 11) int h,
                                        @ForAll @IntRange(min = 1, max = 4) int bands,
                                        @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.U16, seed, false);
        Image there = Dihedral.upright(TestImages.image(in), orientation);
        Image back = Dihedral.upright(there, Dihedral.inverse(orientation));
        assertEquals(w, back.width);
        assertEquals(h, back.height);
        TestImages.assertSamples(in, back.fetch(back.bounds()), "orientation " + orientation + " and back");
        Rect odd = new Rect(w / 2, h / 3, (w + 1) / 2, h - h / 3);
        TestImages.assertSamples(in, back.fetch(odd), "orientation " + orientation + " and back, " + odd);
    }

    /** Four quarter turns, two flips, two flops: the image itself. */
    @Property(tries = 100)
    void turnsAndMirrorsUndoThemselves(@ForAll @IntRange(min = 1, max = 17) int w, @ForAll @IntRange(min = 1, max = 11) int h,
                                       @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.U8, seed, false);
        Image img = TestImages.image(in);
        Image turned = img;
        for (int i = 0; i < 4; i++) {
            turned = Dihedral.rotate(turned, 1);
        }
        TestImages.assertSamples(in, turned.fetch(turned.bounds()), "four quarter turns");
        Image flips = Dihedral.flip(Dihedral.flip(img));
        TestImages.assertSamples(in, flips.fetch(flips.bounds()), "two flips");
        Image flops = Dihedral.flop(Dihedral.flop(img));
        TestImages.assertSamples(in, flops.fetch(flops.bounds()), "two flops");
        Image half = Dihedral.rotate(img, 2), both = Dihedral.flip(Dihedral.flop(img));
        TestImages.assertSamples(half.fetch(half.bounds()), both.fetch(both.bounds()), "180 = flip + flop");
    }

    /** Whatever fills the margins, extracting the image back from them gives the image. */
    @Property(tries = 200)
    void extendThenExtractTheImageIsIdentity(@ForAll @IntRange(min = 1, max = 13) int w, @ForAll @IntRange(min = 1, max = 9) int h,
                                             @ForAll @IntRange(min = 0, max = 20) int left, @ForAll @IntRange(min = 0, max = 20) int top,
                                             @ForAll @IntRange(min = 0, max = 20) int right, @ForAll @IntRange(min = 0, max = 20) int bottom,
                                             @ForAll ExtendWith mode, @ForAll @IntRange(min = 1, max = 4) int bands,
                                             @ForAll long seed) {
        Region in = TestImages.random(w, h, bands, BandFormat.F32, seed, true);
        Image extended = Extend.build(TestImages.image(in), left, top, w + left + right, h + top + bottom, mode, null);
        Image back = Extract.build(extended, new Rect(left, top, w, h));
        TestImages.assertSamples(in, back.fetch(back.bounds()), mode + " margins " + top + "," + right + "," + bottom + "," + left);
        // and a mirrored margin next to the image is the image's own edge, reflected
        if (mode == ExtendWith.MIRROR && left > 0) {
            Region whole = extended.fetch(extended.bounds());
            for (int y = 0; y < h; y++) {
                for (int b = 0; b < bands; b++) {
                    assertEquals(in.raw(0, y, b), whole.raw(left - 1, top + y, b), "the pixel left of the edge mirrors it");
                }
            }
        }
    }
}
