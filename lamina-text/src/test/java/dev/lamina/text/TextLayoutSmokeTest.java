package dev.lamina.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextLayoutSmokeTest {
    @Test
    void bundledFontLaysOutOneLine() {
        Font f = Font.bundled();
        assertEquals("DejaVu Sans", f.family());
        TextLayout t = TextLayout.layout("Hello", TextStyle.of(f, 32));
        assertEquals(1, t.lineCount());
        assertEquals(5, t.glyphCount());
        assertTrue(t.width() > 50 && t.width() < 120, "width " + t.width());
        assertEquals(32 * 1.2, t.height(), 1e-9);
        assertTrue(!t.shape().isEmpty());
    }
}
