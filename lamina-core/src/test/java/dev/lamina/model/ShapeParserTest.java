package dev.lamina.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVG path data: every command, absolute and relative, the implicit rules, and errors that say where. */
class ShapeParserTest {

    /** The segments of a shape as text, coordinates to 4 decimals: "M 0 0, L 1 2, ...". */
    static String segments(Shape s) {
        List<String> out = new ArrayList<>();
        s.segments(new Shape.Segments() {
            @Override
            public void moveTo(double x, double y) {
                out.add("M" + f(x, y));
            }

            @Override
            public void lineTo(double x, double y) {
                out.add("L" + f(x, y));
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                out.add("Q" + f(cx, cy, x, y));
            }

            @Override
            public void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
                out.add("C" + f(c1x, c1y, c2x, c2y, x, y));
            }

            @Override
            public void close() {
                out.add("Z");
            }
        });
        return String.join(", ", out);
    }

    private static String f(double... v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            String t = String.format(Locale.ROOT, "%.4f", d).replaceAll("\\.?0+$", "");
            b.append(' ').append(t.equals("-0") ? "0" : t);
        }
        return b.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "M10 20 L30 40|M 10 20, L 30 40",
            "m10 20 l5 5 l-1 2|M 10 20, L 15 25, L 14 27",
            "M10 20 H30 V5 h-5 v5|M 10 20, L 30 20, L 30 5, L 25 5, L 25 10",
            // further pairs after a move are lines, relative after m
            "M1 2 3 4 5 6|M 1 2, L 3 4, L 5 6",
            "m1 2 3 4 5 6|M 1 2, L 4 6, L 9 12",
            "M0 0 C1 2 3 4 5 6 c1 1 2 2 3 3|M 0 0, C 1 2 3 4 5 6, C 6 7 7 8 8 9",
            // S reflects the previous C's second control point about the current point
            "M0 0 C0 10 10 10 10 0 S20 -10 20 0|M 0 0, C 0 10 10 10 10 0, C 10 -10 20 -10 20 0",
            // S without a cubic before it: the first control point is the current point
            "M0 0 L5 5 S10 10 15 5|M 0 0, L 5 5, C 5 5 10 10 15 5",
            "M0 0 Q5 10 10 0 T20 0|M 0 0, Q 5 10 10 0, Q 15 -10 20 0",
            "M0 0 q5 10 10 0 t10 0 t10 0|M 0 0, Q 5 10 10 0, Q 15 -10 20 0, Q 25 10 30 0",
            "M0 0 L10 0 T20 0|M 0 0, L 10 0, Q 10 0 20 0",
            // after Z the next segment starts where the subpath did
            "M5 5 L10 5 L10 10 Z L0 0|M 5 5, L 10 5, L 10 10, Z, M 5 5, L 0 0",
            "M5 5 l5 0 z l1 1|M 5 5, L 10 5, Z, M 5 5, L 6 6",
            // numbers: no separators where signs or a second point start the next number, exponents
            "M-1-2L.5.5 1e1-2E-1|M -1 -2, L 0.5 0.5, L 10 -0.2",
            "M 1 , 2 L3,4|M 1 2, L 3 4",
    })
    void commands(String data, String expected) {
        assertEquals(expected, segments(Shape.parse(data)));
    }

    @Test
    void whitespaceOfEveryKindAndEmptyData() {
        assertEquals("M 1 2, L 3 4", segments(Shape.parse("  \t\nM1 2\r\n\fL3 4  ")));
        assertTrue(Shape.parse("").isEmpty());
        assertTrue(Shape.parse(" \n ").isEmpty());
    }

    @Test
    void arcsEndExactlyWhereTheyAreSent() {
        Shape s = Shape.parse("M10 80 A45 45 0 0 0 125 125 a25 25 -30 1 1 50 -25");
        List<String> parts = List.of(segments(s).split(", "));
        assertTrue(parts.get(0).equals("M 10 80"));
        assertTrue(segments(s).contains(" 125 125, C"), segments(s));
        assertTrue(parts.get(parts.size() - 1).endsWith(" 175 100"), parts.get(parts.size() - 1));
    }

    @Test
    void arcFlagsNeedNoSeparators() {
        assertEquals(segments(Shape.parse("M0 0 a5 5 0 1 0 10 0")), segments(Shape.parse("M0 0a5,5,0,1,0,10,0")));
        assertEquals(segments(Shape.parse("M0 0 a5 5 0 1 0 10 0")), segments(Shape.parse("M0 0a5 5 0 10 10 0")));
    }

    @Test
    void anArcWithAZeroRadiusIsALineAndOneToItsOwnStartIsNothing() {
        assertEquals("M 0 0, L 10 5", segments(Shape.parse("M0 0 A0 5 0 0 0 10 5")));
        assertEquals("M 3 3", segments(Shape.parse("M3 3 A5 5 0 0 0 3 3")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "L10 10|must start with a move (M or m), not 'L' at position 1",
            "M10|expected a number, the data ended at position 4",
            "M10 20 L30|expected a number, the data ended at position 11",
            "M10 20 X30 40|expected a command letter, found 'X' at position 8",
            "M10 20 L30,,40|expected a number, found ',' at position 12",
            "M10 20 L1e 5|an exponent without digits at position 10",
            "M0 0 A5 5 0 2 0 10 10|expected an arc flag (0 or 1), found '2' at position 13",
            "M0 0 L1e999 0|the number 1e999 is too large at position 7",
            "M0 0 Z 5 5|expected a command letter, found '5' at position 8",
    })
    void errorsSayWhere(String data, String message) {
        LaminaException e = assertThrows(LaminaException.class, () -> Shape.parse(data));
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("path data: " + message), e.getMessage());
        assertTrue(e.getMessage().contains(data.substring(0, Math.min(data.length(), 10))), e.getMessage());
    }
}
