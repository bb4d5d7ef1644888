package dev.lamina.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SampleRows writes 8-bit samples with its own loop: the same bytes as the rounding rule, everywhere. */
class SampleRowsTest {

    private static int written(double v) {
        Region r = Region.allocate(Rect.of(1, 1), 1, BandFormat.U8);
        SampleRows.write(new double[]{v}, r, 0, 0, 1);
        return r.u8()[0] & 0xFF;
    }

    @Test
    void edgeCasesMatchTheRule() {
        double[] values = {Double.NaN, Double.NEGATIVE_INFINITY, -1e300, -1, -0.5 / 255, -1e-9, -0.0, 0, 1e-9,
                0.5 / 255 - 1e-12, 0.5 / 255, 127.5 / 255 - 1e-12, (127.5 - 2e-7) / 255, 0.5, 254.5 / 255, 1 - 1e-12,
                1, 1 + 1e-9, 255.5 / 255, 2, 1e300, Double.POSITIVE_INFINITY};
        for (double v : values) {
            assertEquals(Rounding.toU8(v), written(v), "at " + v);
        }
        for (int k = 0; k <= 255 * 4; k++) {
            double v = k / (255.0 * 4);
            assertEquals(Rounding.toU8(v), written(v), "at " + k + "/1020");
        }
    }

    @Property(tries = 2000)
    void anyDoubleMatchesTheRule(@ForAll double v) {
        assertEquals(Rounding.toU8(v), written(v));
    }
}
