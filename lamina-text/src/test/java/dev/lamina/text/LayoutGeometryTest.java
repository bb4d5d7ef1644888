package dev.lamina.text;

import dev.lamina.model.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Line breaking, alignment and vertical metrics, with expected widths from the font's hmtx and hhea
 * read by the tests' own table reader ({@link FontTables}). The words use only m, u, n, h, i and
 * space, which DejaVu Sans does not kern (checked with hb-shape: the same advances with and
 * without 'kern'), so a line's width is its advances' sum. The size is the units per em, so
 * widths are in font units.
 */
class LayoutGeometryTest {
    private static FontTables tables;
    private static Font font;
    private static double em;

    @BeforeAll
    static void read() throws Exception {
        tables = new FontTables(HarfBuzzAdvanceTest.DEJAVU);
        font = Font.bundled();
        em = tables.unitsPerEm;
        assertEquals(2048, tables.unitsPerEm);
    }

    private static TextStyle style() {
        return TextStyle.of(font, em);
    }

    @Test
    void oneLineIsItsAdvancesAndTheLineBoxCentresAscentAndDescent() {
        TextLayout t = TextLayout.layout("mum nun", style());
        assertEquals(tables.advances("mum nun"), t.width(), 0);
        assertEquals(1, t.lineCount());
        assertEquals(7, t.glyphCount());
        double pitch = 1.2 * em;
        assertEquals(pitch, t.height(), 1e-9);
        double content = tables.ascender - tables.descender; // descender is negative in hhea
        assertEquals((pitch - content) / 2 + tables.ascender, t.firstBaseline(), 1e-9);
    }

    @Test
    void greedyWrapBreaksBeforeTheWordThatOverflows() {
        String text = "mum nun him hum";
        double twoWords = tables.advances("mum nun");
        // Exactly the width of "mum nun": it fits; one unit less: "mum" alone, then the narrower
        // "nun him" fits, and "hum" goes to a third line.
        TextLayout fits = TextLayout.layout(text, style().withWrapWidth(twoWords));
        assertEquals(2, fits.lineCount());
        assertEquals(twoWords, fits.lineWidth(0), 0);
        assertEquals(tables.advances("him hum"), fits.lineWidth(1), 0);
        assertEquals(twoWords, fits.width(), 0);
        assertEquals(2 * 1.2 * em, fits.height(), 1e-9);
        assertEquals(14, fits.glyphCount()); // the space at the break is dropped

        TextLayout tight = TextLayout.layout(text, style().withWrapWidth(twoWords - 1));
        assertEquals(3, tight.lineCount());
        assertEquals(tables.advances("mum"), tight.lineWidth(0), 0);
        assertEquals(tables.advances("nun him"), tight.lineWidth(1), 0);
        assertEquals(tables.advances("hum"), tight.lineWidth(2), 0);
        assertEquals(twoWords - 1, tight.width(), 0); // the block is the wrap width
    }

    @Test
    void aWordWiderThanTheWrapWidthGetsItsOwnLineAndWidensTheBlock() {
        TextLayout t = TextLayout.layout("mi mumumumu mi", style().withWrapWidth(tables.advances("mi mi")));
        assertEquals(3, t.lineCount());
        assertEquals(tables.advances("mumumumu"), t.lineWidth(1), 0);
        assertEquals(tables.advances("mumumumu"), t.width(), 0);
    }

    @Test
    void newlinesBreakLinesAndTrailingSpacesDoNotCount() {
        TextLayout t = TextLayout.layout("mum  \r\nnun\rhi\n\nmi", style());
        assertEquals(5, t.lineCount());
        assertEquals(tables.advances("mum"), t.lineWidth(0), 0);
        assertEquals(tables.advances("nun"), t.lineWidth(1), 0);
        assertEquals(tables.advances("hi"), t.lineWidth(2), 0);
        assertEquals(0, t.lineWidth(3), 0);
        assertEquals(tables.advances("mi"), t.lineWidth(4), 0);
    }

    @Test
    void leadingSpacesAndTabsCount() {
        assertEquals(tables.advances("  mu"), TextLayout.layout("  mu", style()).width(), 0);
        assertEquals(tables.advances("m    u"), TextLayout.layout("m\tu", style()).width(), 0);
    }

    @Test
    void emptyTextIsOneEmptyLine() {
        TextLayout t = TextLayout.layout("", style());
        assertEquals(1, t.lineCount());
        assertEquals(0, t.width(), 0);
        assertEquals(1.2 * em, t.height(), 1e-9);
        assertEquals(true, t.shape().isEmpty());
        assertEquals(new TextLayout.Ink(0, 0, 0, 0), t.ink());
        assertEquals(new TextLayout.Ink(0, 0, 0, 0), TextLayout.layout("   ", style()).ink());
    }

    @Test
    void lineHeightSetsTheBaselinePitch() {
        TextLayout t = TextLayout.layout("mu\nmu\nmu", style().withLineHeight(2));
        assertEquals(6 * em, t.height(), 1e-9);
        // The second line is the first moved down by one pitch: compare their outlines' points.
        List<double[]> pts = points(t.shape());
        int half = pts.size() / 3;
        for (int i = 0; i < half; i++) {
            assertEquals(pts.get(i)[0], pts.get(i + half)[0], 1e-9);
            assertEquals(pts.get(i)[1] + 2 * em, pts.get(i + half)[1], 1e-6);
        }
    }

    @Test
    void centreAndRightMoveEachLineByItsSlackInTheBlock() {
        String text = "mum nun\nhi\nhum";
        double block = tables.advances("mum nun") + 500;
        TextStyle s = style().withWrapWidth(block);
        List<double[]> left = points(TextLayout.layout(text, s).shape());
        List<double[]> centre = points(TextLayout.layout(text, s.withAlign(TextAlign.CENTER)).shape());
        List<double[]> right = points(TextLayout.layout(text, s.withAlign(TextAlign.RIGHT)).shape());
        double pitch = 1.2 * em;
        double[] widths = {tables.advances("mum nun"), tables.advances("hi"), tables.advances("hum")};
        assertEquals(left.size(), centre.size());
        for (int i = 0; i < left.size(); i++) {
            double[] p = left.get(i);
            int line = (int) Math.floor(p[1] / pitch);
            double slack = block - widths[line];
            assertEquals(p[0] + slack / 2, centre.get(i)[0], 1e-6);
            assertEquals(p[0] + slack, right.get(i)[0], 1e-6);
            assertEquals(p[1], right.get(i)[1], 0);
        }
    }

    @Test
    void sameShapeFromManyThreads() throws Exception {
        Font fresh = Font.load(HarfBuzzAdvanceTest.DEJAVU); // empty outline cache: threads race to fill it
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(20);
        TextStyle s = TextStyle.of(fresh, 17).withWrapWidth(300).withAlign(TextAlign.CENTER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> fingerprint(TextLayout.layout(text, s).shape())));
            }
            String first = fingerprint(TextLayout.layout(text, TextStyle.of(Font.bundled(), 17).withWrapWidth(300)
                    .withAlign(TextAlign.CENTER)).shape());
            for (Future<String> f : results) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fingerprint(Shape shape) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : points(shape)) {
            sb.append(p[0]).append(',').append(p[1]).append(' ');
        }
        return sb.toString();
    }

    /** Every on-curve and control point of a shape, in order. */
    static List<double[]> points(Shape shape) {
        List<double[]> pts = new ArrayList<>();
        shape.segments(new Shape.Segments() {
            @Override
            public void moveTo(double x, double y) {
                pts.add(new double[]{x, y});
            }

            @Override
            public void lineTo(double x, double y) {
                pts.add(new double[]{x, y});
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                pts.add(new double[]{cx, cy});
                pts.add(new double[]{x, y});
            }

            @Override
            public void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
                pts.add(new double[]{c1x, c1y});
                pts.add(new double[]{c2x, c2y});
                pts.add(new double[]{x, y});
            }

            @Override
            public void close() {
            }
        });
        return pts;
    }
}
