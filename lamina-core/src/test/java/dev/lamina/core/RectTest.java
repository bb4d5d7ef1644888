package dev.lamina.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RectTest {
    @Test
    void intersectionOfDisjointRectanglesIsEmpty() {
        assertTrue(new Rect(0, 0, 10, 10).intersect(new Rect(10, 0, 5, 5)).isEmpty());
    }

    @Test
    void intersectionIsTheOverlap() {
        assertEquals(new Rect(5, 6, 5, 4), new Rect(0, 0, 10, 10).intersect(new Rect(5, 6, 20, 20)));
    }
}
