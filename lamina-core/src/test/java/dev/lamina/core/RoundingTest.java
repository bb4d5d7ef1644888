package dev.lamina.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rounding rule (nearest, halves up, ties within 1e-7 units), with values worked by hand. */
class RoundingTest {

    @Test
    void exactTiesGoUp() {
        assertEquals(128, Rounding.toU8(127.5 / 255));   // 127.5 -> 128
        assertEquals(1, Rounding.toU8(0.5 / 255));       // 0.5 -> 1
        assertEquals(255, Rounding.toU8(254.5 / 255));
        assertEquals(32768, Rounding.toU16(32767.5 / 65535));
        assertEquals(1, Rounding.toU16(0.5 / 65535));
    }

    @Test
    void aTieComputedInAnotherOrderStillRoundsUp() {
        // A value that is 127.5 in exact arithmetic may arrive a few ulps low when a fast path sums
        // in another order than the reference; the tolerance makes both round up.
        double low = 127.5 / 255 - 1e-12;
        assertEquals(128, Rounding.toU8(low));
        // ... but a value really below the tie (by more than 1e-7 units) rounds down.
        assertEquals(127, Rounding.toU8((127.5 - 2e-7) / 255));
    }

    @Test
    void nearestOtherwise() {
        assertEquals(51, Rounding.toU8(0.2));            // 51.0 exactly
        assertEquals(100, Rounding.toU8(100.49 / 255));
        assertEquals(101, Rounding.toU8(100.51 / 255));
        assertEquals(13107, Rounding.toU16(0.2));
    }

    @Test
    void outOfRangeAndNaNAreClamped() {
        assertEquals(0, Rounding.toU8(-0.3));
        assertEquals(0, Rounding.toU8(Double.NaN));
        assertEquals(255, Rounding.toU8(1.7));
        assertEquals(0, Rounding.toU16(Double.NEGATIVE_INFINITY));
        assertEquals(65535, Rounding.toU16(Double.POSITIVE_INFINITY));
        assertEquals(0, Rounding.toU8(0.49 / 255));
    }
}
