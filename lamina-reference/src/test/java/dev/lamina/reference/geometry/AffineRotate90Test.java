package dev.lamina.reference.geometry;

import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.geometry.Affine;
import dev.lamina.geometry.Dihedral;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.reference.resample.ResizeTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rotation by a multiple of 90 degrees forced through the general path (cos 90 is 6e-17 in
 * double, so every position and coverage carries rounding noise) must agree with the exact
 * quarter turn within 1 LSB, every interpolating kernel x format x bands, on odd sizes (whose centre is not on a
 * pixel edge). In practice it agrees exactly. (Colour under alpha 0, which a premultiplied path
 * does not keep, is compared as 0.)
 */
class AffineRotate90Test {
    private static final ResizeTesting.Tally ALL = new ResizeTesting.Tally();

    static List<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            if (k == Kernel.MITCHELL) {
                continue;   // not interpolating (its value at 0 is 8/9): it blurs at 1:1; AffineMatrixTest covers it
            }
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    for (int degrees : new int[]{90, 180, 270, -90, 450}) {
                        all.add(Arguments.of(k, f, bands, degrees));
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} bands {3} degrees")
    @MethodSource("cases")
    void theGeneralPathAgreesWithTheExactTurn(Kernel kernel, BandFormat format, int bands, int degrees) {
        for (int[] size : new int[][]{{1, 1}, {13, 7}, {6, 11}, {40, 3}}) {
            Region in = ResizeTesting.random(size[0], size[1], bands, format, 5L * degrees + bands + size[0]);
            Image general = Affine.rotate(TestImages.image(in), degrees, kernel, null);
            Image exact = Dihedral.rotate(TestImages.image(in), Math.floorMod(degrees, 360) / 90);
            String what = kernel + " " + format + " " + bands + " bands " + degrees + " degrees " + size[0] + "x" + size[1];
            assertEquals(exact.width, general.width, what + ": width");
            assertEquals(exact.height, general.height, what + ": height");
            Region expected = exact.fetch(exact.bounds());
            if (kernel != Kernel.NEAREST) {
                transparentIsBlack(expected);
            }
            ResizeTesting.Tally t = ResizeTesting.assertMatches(expected, general, what);
            if (format != BandFormat.F32) {
                ALL.add(t);
            }
        }
    }

    /**
     * A premultiplied path has no colour under alpha 0 (it comes out 0, as from a resize); the exact
     * copy keeps the stored one. Only that colour is set to 0 before comparing.
     */
    static void transparentIsBlack(Region r) {
        if (r.bands % 2 == 1) {
            return;
        }
        for (int y = 0; y < r.rect().height(); y++) {
            for (int x = 0; x < r.rect().width(); x++) {
                if (r.raw(x, y, r.bands - 1) == 0) {
                    int i = r.index(x, y);
                    for (int b = 0; b < r.bands - 1; b++) {
                        switch (r.format) {
                            case U8 -> r.u8()[i + b] = 0;
                            case U16 -> r.u16()[i + b] = 0;
                            case F32 -> r.f32()[i + b] = 0;
                        }
                    }
                }
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("rotation by multiples of 90 through the general path against the exact turn: " + ALL);
        assertTrue(ALL.maxError <= 1, ALL.toString());
    }
}
