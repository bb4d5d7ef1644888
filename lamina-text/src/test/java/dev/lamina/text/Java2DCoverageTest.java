package dev.lamina.text;

import dev.lamina.Lamina;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rasterised text against an independent outline and rasteriser: the JDK's own font engine
 * ({@code java.awt.Font} on the same file, its own glyph loader and its own kerning) gives the
 * outline of the string, which Java2D fills without antialiasing 64 x 64 times finer and box-filters
 * down: a coverage estimate within 1/64 of a pixel's area at worst (4 of 255), far less on average.
 * Lamina's text goes through FontBox and Lamina's exact-area rasteriser. The JDK is used here as an
 * oracle only; lamina-text never touches java.awt.Font.
 */
class Java2DCoverageTest {
    private static final int S = 64;

    @Test
    void dejaVuSansCoverageMatchesJava2D() throws Exception {
        compare(HarfBuzzAdvanceTest.DEJAVU, "Lamina: AVATAR Wave, qg&@ 1/2", 28);
    }

    @Test
    void dejaVuSansSmallTextCoverageMatchesJava2D() throws Exception {
        compare(HarfBuzzAdvanceTest.DEJAVU, "small text 9px, Typography", 9);
    }

    @Test
    void cffOutlinesCoverageMatchesJava2D() throws Exception {
        compare(HarfBuzzAdvanceTest.CANTARELL, "Cantarell: CFF curves, gosh!", 30);
    }

    private static void compare(Path file, String text, double size) throws Exception {
        Font font = Font.load(file);
        TextLayout layout = TextLayout.layout(text, TextStyle.of(font, size));
        int w = (int) Math.ceil(layout.width()) + 4, h = (int) Math.ceil(layout.height()) + 4;
        byte[] lamina = Lamina.mask(w, h, layout.shape().translate(2, 2), 8).pixels8();

        java.awt.Font awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, file.toFile())
                .deriveFont((float) size).deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
        GlyphVector gv = awt.layoutGlyphVector(new FontRenderContext(null, true, true), text.toCharArray(), 0,
                text.length(), java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        java.awt.Shape outline = gv.getOutline(2f, (float) (2 + layout.firstBaseline()));
        // The ink box contains the outline's tight box (Java2D's, curves' extremes solved) and is
        // hardly larger: fonts put points at their curves' extremes.
        java.awt.geom.Rectangle2D tight = outline.getBounds2D();
        TextLayout.Ink ink = layout.ink();
        double eps = 1.0 / 32; // FreeType, under java.awt.Font, keeps outlines in 1/64 px (26.6 fixed point)
        assertTrue(ink.left() + 2 <= tight.getMinX() + eps && ink.top() + 2 <= tight.getMinY() + eps
                && ink.right() + 2 >= tight.getMaxX() - eps && ink.bottom() + 2 >= tight.getMaxY() - eps,
                "ink " + ink + " contains " + tight);
        assertTrue(tight.getMinX() - (ink.left() + 2) < 0.5 && tight.getMinY() - (ink.top() + 2) < 0.5
                && ink.right() + 2 - tight.getMaxX() < 0.5 && ink.bottom() + 2 - tight.getMaxY() < 0.5,
                "ink " + ink + " hugs " + tight);
        BufferedImage fine = new BufferedImage(w * S, h * S, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = fine.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(S, S);
        g.setColor(java.awt.Color.WHITE);
        g.fill(outline);
        g.dispose();
        byte[] px = ((java.awt.image.DataBufferByte) fine.getRaster().getDataBuffer()).getData();

        double signed = 0, sumDiff = 0, areaLamina = 0, areaJava2D = 0;
        int maxDiff = 0, inked = 0, edge = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int count = 0;
                for (int sy = 0; sy < S; sy++) {
                    int row = (y * S + sy) * w * S + x * S;
                    for (int sx = 0; sx < S; sx++) {
                        count += px[row + sx] != 0 ? 1 : 0;
                    }
                }
                double expected = 255.0 * count / (S * S);
                int got = lamina[y * w + x] & 0xFF;
                double d = Math.abs(got - expected);
                sumDiff += d;
                if (got > 0 && got < 255) {
                    signed += got - expected;
                    edge++;
                }
                maxDiff = Math.max(maxDiff, (int) Math.round(d));
                areaLamina += got / 255.0;
                areaJava2D += count / (double) (S * S);
                if (got > 0 || count > 0) {
                    inked++;
                }
            }
        }
        assertTrue(areaJava2D > 0.05 * w * h, "the text inks a good part of the image");
        // Measured (S = 64): ink areas within 0.1 %, mean |difference| 0.64-0.95 of 255 over inked
        // pixels, max 4-5, signed mean over edge pixels -0.09 to 0.02 (no shift, no bias).
        assertEquals(areaJava2D, areaLamina, 0.001 * areaJava2D, "ink area of \"" + text + "\"");
        assertTrue(sumDiff / inked < 1.0, "mean difference over inked pixels " + sumDiff / inked + " of 255");
        assertTrue(maxDiff <= 6, "max difference " + maxDiff + " of 255 (supersampling alone allows 4)");
        assertTrue(Math.abs(signed / edge) < 0.2, "signed mean difference over edge pixels " + signed / edge);
    }
}
