package dev.lamina.reference.draw;

import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.draw.ShapeCoverage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 20000 x 20000 canvas with one circle: building it flattens the circle and buckets its edges,
 * nothing more; any strip is then computed on its own, from the edges that cross it, and agrees
 * with the exact disc.
 */
class BigCanvasTest {

    @Test
    void stripsOfAHugeCanvasAreComputedAloneAndExactly() {
        int size = 20000;
        double cx = 10000.3, cy = 9999.6, r = 9000.25;
        Image img = ShapeCoverage.image(Shape.circle(cx, cy, r), size, size, BandFormat.U8, "circle");
        for (int y : new int[]{999, 10000, 18990}) {
            Region strip = img.fetch(new Rect(0, y, size, 16));
            for (int row = y; row < y + 16; row++) {
                double dy = row + 0.5 - cy, half = Math.sqrt(Math.max(0, r * r - dy * dy));
                // the pixels around both crossings of this row, and one well inside
                for (int x : new int[]{(int) (cx - half) - 1, (int) (cx - half), (int) (cx - half) + 1,
                        (int) (cx + half) - 1, (int) (cx + half), (int) (cx + half) + 1, (int) cx}) {
                    double exact = DiscReference.area(cx, cy, r, x, row, x + 1, row + 1);
                    assertEquals(Rounding.toU8(exact), strip.raw(x, row, 0), 1, "(" + x + "," + row + ")");
                }
            }
        }
    }
}
