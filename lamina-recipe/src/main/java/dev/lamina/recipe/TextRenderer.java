package dev.lamina.recipe;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.text.Font;
import dev.lamina.text.FontLibrary;
import dev.lamina.text.TextAlign;
import dev.lamina.text.TextLayout;
import dev.lamina.text.TextStyle;

/**
 * Text layers through lamina-text: the layout's glyph outlines are one {@link dev.lamina.model.Shape},
 * drawn by core's rasteriser on the text's box (plus room for glyphs that overhang it).
 */
final class TextRenderer {
    private final FontLibrary fonts;
    private final int maxChars;

    TextRenderer(FontLibrary fonts, int maxChars) {
        this.fonts = fonts;
        this.maxChars = maxChars;
    }

    Font font(String family) {
        return family == null ? Font.bundled() : fonts.family(family);
    }

    TextLayout layout(Node.Text t) {
        TextAlign align = switch (t.align()) {
            case LEFT -> TextAlign.LEFT;
            case CENTER -> TextAlign.CENTER;
            case RIGHT -> TextAlign.RIGHT;
        };
        double lineHeight = t.lineHeight() == 0 ? TextStyle.DEFAULT_LINE_HEIGHT : t.lineHeight();
        TextStyle style = new TextStyle(font(t.font()), t.size(), lineHeight, t.letterSpacing(), align, t.wrapWidth());
        return TextLayout.layout(t.text(), style, Math.min(maxChars, TextLayout.MAX_CHARS_CEILING));
    }

    Evaluator.Raster render(Node.Text t, int canvasWidth, int canvasHeight) {
        TextLayout l = layout(t);
        if (l.glyphCount() == 0) {
            return null;
        }
        Node.Position p = t.at();
        double x = p.x() + (p.gravity() == null ? 0 : p.gravity().left(canvasWidth, (int) Math.ceil(l.width())));
        double y = p.y() + (p.gravity() == null ? 0 : p.gravity().top(canvasHeight, (int) Math.ceil(l.height())));
        // the raster is the glyphs' drawn box (their outlines' points and control points), which
        // may overhang the layout box (accents, italics): what a tile repeats
        dev.lamina.model.Shape glyphs = l.shape().translate(x, y);
        double[] box = Evaluator.bounds(glyphs, 0);
        int bx = (int) Math.floor(box[0]), by = (int) Math.floor(box[1]);
        int w = (int) Math.ceil(box[2]) - bx, h = (int) Math.ceil(box[3]) - by;
        if (w <= 0 || h <= 0) {
            return null;
        }
        LaminaImage img = Lamina.shape(w, h, glyphs.translate(-bx, -by), t.colour(), 16);
        return new Evaluator.Raster(img, bx, by);
    }
}
