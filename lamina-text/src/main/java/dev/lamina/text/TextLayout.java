package dev.lamina.text;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Shape;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text laid out in a block: glyphs placed one after another with their advances, the font's
 * pair kerning and the style's letter spacing; lines broken at newlines and, with a wrap width,
 * greedily at spaces; each line aligned within the block; baselines {@code size * lineHeight}
 * apart. {@link #shape()} is every glyph's outline in pixels, origin at the top-left of the block
 * (y down), ready for {@code Lamina.shape(w, h, layout.shape(), paint)} or a mask or a clip.
 *
 * <p>Rules, as CSS sets a block of text:
 * <ul>
 *   <li>Lines break at {@code \n}, {@code \r\n} and {@code \r}. With a wrap width, a line breaks
 *       before a word that would make it wider than the width; the spaces at the break are
 *       dropped. A word wider than the width gets a line of its own and overflows it.</li>
 *   <li>Spaces at the end of a line do not count in its width (they would shift centred and
 *       right-aligned lines). A tab is four spaces.</li>
 *   <li>The block is as wide as the wrap width, or as its widest line when that is wider or when
 *       there is no wrap width; lines align within it.</li>
 *   <li>Each line box is {@code size * lineHeight} tall with the font's ascent and descent
 *       (hhea) centred in it (CSS's half-leading); the block is as tall as its lines. Glyph ink
 *       may reach outside the block (accents above a tight line height, italic overhangs).</li>
 *   <li>Text is NFC-normalised first. Characters the layout cannot set correctly without a
 *       shaping engine (right-to-left and complex scripts, combining marks, emoji) and characters
 *       the font has no glyph for are refused by name: no fallback font, no empty boxes.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TextLayout {
    /** The longest text {@link #layout(String, TextStyle)} takes, in UTF-16 chars. */
    public static final int DEFAULT_MAX_CHARS = 10_000;
    /** An absolute ceiling on {@link #layout(String, TextStyle, int)}'s limit. */
    public static final int MAX_CHARS_CEILING = 1_000_000;

    private static final int TAB_SPACES = 4;

    private final Shape shape;
    private final double width;
    private final double height;
    private final double firstBaseline;
    private final int glyphCount;
    private final double[] lineWidths;

    private TextLayout(Shape shape, double width, double height, double firstBaseline, int glyphCount,
                       double[] lineWidths) {
        this.shape = shape;
        this.width = width;
        this.height = height;
        this.firstBaseline = firstBaseline;
        this.glyphCount = glyphCount;
        this.lineWidths = lineWidths;
    }

    /** {@code text} laid out in {@code style}; at most {@value #DEFAULT_MAX_CHARS} chars. */
    public static TextLayout layout(String text, TextStyle style) {
        return layout(text, style, DEFAULT_MAX_CHARS);
    }

    /** {@code text} laid out in {@code style}, allowing up to {@code maxChars} UTF-16 chars. */
    public static TextLayout layout(String text, TextStyle style, int maxChars) {
        Objects.requireNonNull(style, "style");
        if (text == null) {
            throw LaminaException.badInput("text: no text given");
        }
        if (maxChars < 0 || maxChars > MAX_CHARS_CEILING) {
            throw LaminaException.badInput("text: limit of " + maxChars + " characters is not valid (0 to "
                    + MAX_CHARS_CEILING + ")");
        }
        if (text.length() > maxChars) {
            throw LaminaException.limit("text: " + text.length() + " characters is over the limit of " + maxChars);
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        Characters.check(text);
        return new Builder(style).run(text);
    }

    /** Every glyph's outline in pixels, origin at the top-left of the block, y down, non-zero fill. */
    public Shape shape() {
        return shape;
    }

    /** The block's width in pixels: the wrap width, or the widest line when wider or unwrapped. */
    public double width() {
        return width;
    }

    /** The block's height in pixels: lines times {@code size * lineHeight}. */
    public double height() {
        return height;
    }

    /** The first line's baseline, in pixels below the top of the block. */
    public double firstBaseline() {
        return firstBaseline;
    }

    /** The glyphs placed, spaces included (the spaces dropped at wrap points are not). */
    public int glyphCount() {
        return glyphCount;
    }

    public int lineCount() {
        return lineWidths.length;
    }

    /** The width of line {@code i} (from 0) in pixels, trailing spaces excluded. */
    public double lineWidth(int i) {
        return lineWidths[i];
    }

    /** Lays out one text; not thread-safe, one per call. */
    private static final class Builder {
        private final TextStyle style;
        private final Font font;
        private final double scale;
        private final int space;
        private final List<int[]> lines = new ArrayList<>();
        private final List<Double> widths = new ArrayList<>();

        Builder(TextStyle style) {
            this.style = style;
            this.font = style.font();
            this.scale = style.size() / font.unitsPerEm();
            this.space = font.glyphId(' ');
        }

        TextLayout run(String text) {
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '\n';
                if (c == '\n' || c == '\r') {
                    paragraph(text, start, i);
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            double maxLine = 0;
            for (double w : widths) {
                maxLine = Math.max(maxLine, w);
            }
            double blockWidth = Math.max(style.wrapWidth(), maxLine);
            double pitch = style.size() * style.lineHeight();
            double content = (font.ascender() + font.descender()) * scale;
            double baseline0 = (pitch - content) / 2 + font.ascender() * scale;
            Shape.Builder b = Shape.builder();
            int glyphs = 0;
            for (int k = 0; k < lines.size(); k++) {
                int[] line = lines.get(k);
                double w = widths.get(k);
                double x = switch (style.align()) {
                    case LEFT -> 0;
                    case CENTER -> (blockWidth - w) / 2;
                    case RIGHT -> blockWidth - w;
                };
                double y = baseline0 + k * pitch;
                int prev = -1;
                for (int g : line) {
                    if (prev >= 0) {
                        x += font.kerning(prev, g) * scale + style.letterSpacing();
                    }
                    font.outline(g).appendTo(b, x, y, scale);
                    x += font.advance(g) * scale;
                    prev = g;
                }
                glyphs += line.length;
            }
            double[] lw = new double[widths.size()];
            for (int k = 0; k < lw.length; k++) {
                lw[k] = widths.get(k);
            }
            return new TextLayout(b.build(), blockWidth, pitch * lines.size(), baseline0, glyphs, lw);
        }

        /** Lays out text[from, to), a paragraph with no newline, into one or more lines. */
        private void paragraph(String text, int from, int to) {
            int[] glyphs = new int[to - from + 3 * countTabs(text, from, to)];
            boolean[] isSpace = new boolean[glyphs.length];
            int n = 0;
            for (int i = from; i < to; ) {
                int cp = text.codePointAt(i);
                if (cp == '\t' || cp == ' ') {
                    if (space == 0) {
                        throw missing(' ', i);
                    }
                    for (int t = cp == '\t' ? TAB_SPACES : 1; t > 0; t--) {
                        isSpace[n] = true;
                        glyphs[n++] = space;
                    }
                } else {
                    int g = font.glyphId(cp);
                    if (g == 0) {
                        throw missing(cp, i);
                    }
                    glyphs[n++] = g;
                }
                i += Character.charCount(cp);
            }
            double wrap = style.wrapWidth();
            int[] line = new int[n];
            int len = 0;          // glyphs in the line, spaces within it included
            boolean hasWord = false;
            double lineWidth = 0; // without trailing spaces: the line ends with a word
            int i = 0;
            while (i < n) {
                int s = i;
                while (s < n && isSpace[s]) {
                    s++;
                }
                int e = s;
                while (e < n && !isSpace[e]) {
                    e++;
                }
                if (e == s) {
                    break; // spaces at the end of the paragraph: invisible and not counted
                }
                double candidate = extend(lineWidth, len == 0 ? -1 : line[len - 1], glyphs, i, e);
                if (wrap > 0 && hasWord && candidate > wrap + 1e-9) {
                    emit(line, len, lineWidth);
                    len = 0;
                    i = s; // the spaces at the break go
                    candidate = extend(0, -1, glyphs, s, e);
                }
                System.arraycopy(glyphs, i, line, len, e - i);
                len += e - i;
                lineWidth = candidate;
                hasWord = true;
                i = e;
            }
            emit(line, len, lineWidth);
        }

        /** The width of a line {@code w} wide ending with glyph {@code prev} (-1: empty) followed by glyphs[from, to). */
        private double extend(double w, int prev, int[] glyphs, int from, int to) {
            for (int k = from; k < to; k++) {
                w = advanceOver(w, prev, glyphs[k]);
                prev = glyphs[k];
            }
            return w;
        }

        private double advanceOver(double w, int prev, int g) {
            if (prev >= 0) {
                w += font.kerning(prev, g) * scale + style.letterSpacing();
            }
            return w + font.advance(g) * scale;
        }

        private void emit(int[] line, int len, double width) {
            lines.add(Arrays.copyOf(line, len));
            widths.add(width);
        }

        private LaminaException missing(int cp, int index) {
            return LaminaException.badInput("text: font \"" + font.fullName() + "\" has no glyph for "
                    + Characters.name(cp) + " (index " + index + "); Lamina does not substitute another font, "
                    + "so choose a font that has it");
        }

        private static int countTabs(String text, int from, int to) {
            int t = 0;
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\t') {
                    t++;
                }
            }
            return t;
        }
    }
}
