package dev.lamina.draw;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Shape;
import dev.lamina.model.Stroke;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stroker's geometry, measured as areas: the rasteriser's coverage is exact (held to the
 * float64 reference in lamina-reference), so the sum of a stroke's coverage is its area, which for
 * these strokes is known in closed form.
 */
class StrokeGeometryTest {

    static double area(Shape s, int w, int h) {
        Image img = ShapeCoverage.image(s, w, h, BandFormat.F32, "test");
        Region r = img.fetch(img.bounds());
        double sum = 0;
        for (float v : r.f32()) {
            sum += v;
        }
        return sum;
    }

    @Test
    void buttSquareAndRoundCapsOfOneSegment() {
        Shape line = Shape.polyline(10, 20, 50, 20);
        assertEquals(40 * 6, area(line.stroked(Stroke.width(6)), 64, 40), 1e-4);
        assertEquals(46 * 6, area(line.stroked(Stroke.width(6).cap(Stroke.Cap.SQUARE)), 64, 40), 1e-4);
        // round caps: two half discs, chords inside the circle within the tolerance
        double round = area(line.stroked(Stroke.width(6).cap(Stroke.Cap.ROUND)), 64, 40);
        double exact = 40 * 6 + Math.PI * 9;
        assertTrue(round <= exact && round >= exact - Outline.TOLERANCE * 2 * Math.PI * 3, round + " vs " + exact);
    }

    @Test
    void aDiagonalSegmentHasTheSameArea() {
        Shape line = Shape.polyline(5, 5, 35, 45);   // length 50
        assertEquals(50 * 3, area(line.stroked(Stroke.width(3)), 48, 56), 1e-4);
    }

    @Test
    void joinsOfARightAngle() {
        // two legs of 30 along the axes, width 4: their rectangles overlap in a 2x2 square at the corner
        Shape corner = Shape.polyline(10, 40, 10, 10, 40, 10);
        double legs = 2 * 30 * 4 - 2 * 2;
        assertEquals(legs + 2, area(corner.stroked(Stroke.width(4).join(Stroke.Join.BEVEL)), 50, 50), 1e-4);
        assertEquals(legs + 4, area(corner.stroked(Stroke.width(4)), 50, 50), 1e-4);   // miter: the full square
        double round = area(corner.stroked(Stroke.width(4).join(Stroke.Join.ROUND)), 50, 50);
        assertTrue(Math.abs(round - (legs + Math.PI)) < 0.01, round + " vs " + (legs + Math.PI));
        // a miter limit below sqrt(2) (the right angle's miter ratio) bevels it
        assertEquals(legs + 2, area(corner.stroked(Stroke.width(4).miterLimit(1.4)), 50, 50), 1e-4);
    }

    @Test
    void aClosedSquareHasNoCapsAndFourJoins() {
        Shape square = Shape.rect(10, 10, 30, 30);
        // the stroke of a square with miter joins is the ring between two squares
        assertEquals(34 * 34 - 26 * 26, area(square.stroked(Stroke.width(4)), 50, 50), 1e-4);
    }

    @Test
    void dashesAlongALine() {
        Shape line = Shape.polyline(5, 10, 45, 10);   // length 40
        // on 10 off 5 from 0: dashes at 0-10, 15-25, 30-40
        assertEquals(30 * 2, area(line.stroked(Stroke.width(2).dashes(0, 10, 5)), 50, 20), 1e-4);
        // offset 12: the pattern starts 2 into its gap, dashes at 3-13, 18-28, 33-40
        assertEquals(27 * 2, area(line.stroked(Stroke.width(2).dashes(12, 10, 5)), 50, 20), 1e-4);
        // an odd list repeats: [4, 2, 1] is 4 on 2 off 1 on 4 off 2 on 1 off, 14 long, 7 on: 40 = 14 + 14 + 12 -> 7 + 7 + 6
        assertEquals(20 * 2, area(line.stroked(Stroke.width(2).dashes(0, 4, 2, 1)), 50, 20), 1e-4);
        // negative offset: -5 means the pattern starts 5 before its beginning, in the gap: dashes 5-15, 20-30, 35-40
        assertEquals(25 * 2, area(line.stroked(Stroke.width(2).dashes(-5, 10, 5)), 50, 20), 1e-4);
        // square caps on 7 dashes of length 0 (every 6): 7 squares of 2 x 2
        assertEquals(7 * 4, area(line.stroked(Stroke.width(2).cap(Stroke.Cap.SQUARE).dashes(0, 0, 6)), 50, 20), 1e-4);
    }

    @Test
    void aDashedClosedSquareJoinsItsLastDashToItsFirst() {
        Shape square = Shape.rect(10, 10, 30, 30);   // perimeter 120, starts at the top-left corner
        // dashes 0-20 and 100-120: on at both ends, one dash round the top-left corner with a miter join
        double merged = area(square.stroked(Stroke.width(2).dashes(0, 20, 80)), 50, 50);
        // two legs of 20 along the sides, overlapping in a 1x1 square at the corner, whose miter adds the outer 1x1
        assertEquals(2 * 20 * 2 - 1 + 1, merged, 1e-4);
        // a dash longer than the path keeps it closed: the plain stroke
        assertEquals(area(square.stroked(Stroke.width(2)), 50, 50), area(square.stroked(Stroke.width(2).dashes(0, 500, 1)), 50, 50), 1e-4);
    }

    @Test
    void zeroLengthSubpathsAreDotsOnlyWithRoundOrSquareCaps() {
        Shape dot = Shape.parse("M20 20 Z");
        assertEquals(0, area(dot.stroked(Stroke.width(4)), 40, 40), 1e-9);
        assertEquals(16, area(dot.stroked(Stroke.width(4).cap(Stroke.Cap.SQUARE)), 40, 40), 1e-4);
        // chords inside the circle, each within the tolerance of it: short by at most tolerance x perimeter
        double disc = area(dot.stroked(Stroke.width(4).cap(Stroke.Cap.ROUND)), 40, 40);
        assertTrue(disc <= 4 * Math.PI && disc >= 4 * Math.PI - Outline.TOLERANCE * 4 * Math.PI, String.valueOf(disc));
        assertEquals(0, area(Shape.parse("M20 20").stroked(Stroke.width(4).cap(Stroke.Cap.ROUND)), 40, 40), 1e-9);
    }

    @Test
    void aStrokeScalesWithItsShape() {
        Shape line = Shape.polyline(0, 0, 10, 0).stroked(Stroke.width(2)).scale(3).translate(5, 10);
        assertEquals(30 * 6, area(line, 40, 20), 1e-4);
    }

    @Test
    void pathsThatWouldFlattenIntoTooManySegmentsAreRefusedBeforeTheMemoryIsSpent() {
        Shape huge = Shape.circle(0, 0, 1e12).stroked(Stroke.width(1));
        LaminaException e = assertThrows(LaminaException.class, () -> Outline.of(huge, 100, 100, "the circle"));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().startsWith("the circle: more than"), e.getMessage());
        Shape dashes = Shape.polyline(0, 0, 1e9, 0).stroked(Stroke.width(1).dashes(0, 0.001, 0.001));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, assertThrows(LaminaException.class,
                () -> Outline.of(dashes, 100, 100, "dashes")).kind());
    }

    @Test
    void aHugeFilledCurveOffTheCanvasCostsNothing() {
        // control points far above the canvas: culled to a line, not flattened into millions of segments
        Shape s = Shape.parse("M0 -1e9 C1e9 -1e9 -1e9 -2e9 5 -1e9 L5 5 L0 5 Z");
        assertEquals(25, area(s, 10, 10), 1e-6);
    }
}
