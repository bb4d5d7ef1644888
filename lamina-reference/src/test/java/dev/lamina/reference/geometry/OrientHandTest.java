package dev.lamina.reference.geometry;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Dihedral;
import dev.lamina.reference.conversion.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eight EXIF orientations on a 3x2 image whose pixels are the letters a-f, against results
 * drawn by hand from the EXIF 2.3 text ("the 0th row is the visual ..., the 0th column is the
 * visual ..."). Stored:
 * <pre>
 *   a b c
 *   d e f
 * </pre>
 * Both the core operation and the reference must give these. The API's flip, flop and quarter
 * turns are four of them: flip = 4, flop = 2, 90 clockwise = 6, 180 = 3, 270 = 8.
 */
class OrientHandTest {

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, abc/def",
            "2, cba/fed",     // row 0 top, column 0 right: mirrored
            "3, fed/cba",     // row 0 bottom, column 0 right: 180
            "4, def/abc",     // row 0 bottom, column 0 left
            "5, ad/be/cf",    // row 0 left, column 0 top: transposed
            "6, da/eb/fc",    // row 0 right, column 0 top: turn clockwise to view
            "7, fc/eb/da",    // row 0 right, column 0 bottom
            "8, cf/be/ad",    // row 0 left, column 0 bottom: turn counter-clockwise to view
    })
    void matchesHandDrawnResult(int orientation, String expected) {
        Region stored = Region.allocate(Rect.of(3, 2), 1, BandFormat.U8);
        byte[] letters = "abcdef".getBytes();
        System.arraycopy(letters, 0, stored.u8(), 0, 6);
        Image upright = Dihedral.upright(TestImages.image(stored), orientation);
        assertEquals(expected, letters(upright.fetch(upright.bounds())), "core");
        assertEquals(expected, letters(OrientReference.orient(stored, orientation)), "reference");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "flip, def/abc",
            "flop, cba/fed",
            "rotate 90, da/eb/fc",
            "rotate 180, fed/cba",
            "rotate 270, cf/be/ad",
            "rotate -90, cf/be/ad",
    })
    void flipsAndTurnsMatchHandDrawnResults(String op, String expected) {
        Region stored = Region.allocate(Rect.of(3, 2), 1, BandFormat.U8);
        System.arraycopy("abcdef".getBytes(), 0, stored.u8(), 0, 6);
        Image in = TestImages.image(stored);
        Image out = switch (op) {
            case "flip" -> Dihedral.flip(in);
            case "flop" -> Dihedral.flop(in);
            default -> Dihedral.rotate(in, Integer.parseInt(op.substring("rotate ".length())) / 90);
        };
        assertEquals(expected, letters(out.fetch(out.bounds())), "core");
        Region reference = switch (op) {
            case "flip" -> OrientReference.flip(stored);
            case "flop" -> OrientReference.flop(stored);
            default -> OrientReference.rotate(stored, Integer.parseInt(op.substring("rotate ".length())) / 90);
        };
        assertEquals(expected, letters(reference), "reference");
    }

    private static String letters(Region r) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < r.rect().height(); y++) {
            if (y > 0) {
                sb.append('/');
            }
            for (int x = 0; x < r.rect().width(); x++) {
                sb.append((char) r.raw(x, y, 0));
            }
        }
        return sb.toString();
    }
}
