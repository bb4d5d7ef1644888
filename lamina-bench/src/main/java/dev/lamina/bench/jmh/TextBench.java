package dev.lamina.bench.jmh;

import dev.lamina.Lamina;
import dev.lamina.model.Paint;
import dev.lamina.text.Font;
import dev.lamina.text.TextAlign;
import dev.lamina.text.TextLayout;
import dev.lamina.text.TextStyle;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.text.AttributedString;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A paragraph of 388 characters (7 lines) in DejaVu Sans at 20 px, wrapped at 600 px, kerned,
 * antialiased, per engine: paragraphs/s (ops/s); glyphs/s is {@link #GLYPHS} times that.
 * {@code lamina}: {@code TextLayout.layout} (glyph outlines cached in the font after the first
 * call, as in a service) and the shape filled on a 600 px wide RGBA canvas by Lamina's rasteriser,
 * pixels pulled; {@code lamina-layout}: the layout alone (line breaking, kerning, the outlines
 * copied into one shape). {@code java2d}: the same font file through {@code java.awt.Font}, wrapped
 * with {@code LineBreakMeasurer} and drawn with {@code TextLayout.draw} into a cleared ARGB image,
 * antialiasing and fractional metrics on (the JDK's glyph cache serves repeated glyphs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextBench {
    static final String PARAGRAPH = "Lamina composites layers exactly: every sample of an 8-bit result is the "
            + "correctly rounded value of a float64 reference. Text joins the layer tree as shapes, so a "
            + "watermark, a caption or a title is filled by the same exact-area rasteriser as any path. "
            + "AVATAR, Typography, Wave: kerning pairs come from GPOS, as HarfBuzz reads them. The quick "
            + "brown fox jumps over the lazy dog, twice over.";
    /** Glyphs laid out per paragraph (spaces included, the spaces at line breaks not). */
    public static final int GLYPHS = TextLayout.layout(PARAGRAPH, style()).glyphCount();
    static final double SIZE = 20, WRAP = 600;

    @Param({"lamina", "lamina-layout", "java2d"})
    public String engine;

    private int height;
    private java.awt.Font awtFont;
    private BufferedImage canvas;

    static TextStyle style() {
        return TextStyle.of(Font.bundled(), SIZE).withWrapWidth(WRAP).withAlign(TextAlign.LEFT);
    }

    @Setup
    public void setUp() throws Exception {
        TextLayout t = TextLayout.layout(PARAGRAPH, style());
        height = (int) Math.ceil(t.height());
        try (InputStream in = Font.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
            awtFont = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont((float) SIZE)
                    .deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
        }
        canvas = new BufferedImage((int) WRAP, height, BufferedImage.TYPE_INT_ARGB);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = "-Djava.awt.headless=true")
    public Object paragraph() {
        return switch (engine) {
            case "lamina" -> {
                TextLayout t = TextLayout.layout(PARAGRAPH, style());
                yield Lamina.shape((int) WRAP, height, t.shape(), Paint.solid(0x202020)).pixels8();
            }
            case "lamina-layout" -> TextLayout.layout(PARAGRAPH, style()).shape();
            case "java2d" -> java2d();
            default -> throw new IllegalArgumentException(engine);
        };
    }

    private BufferedImage java2d() {
        Graphics2D g = canvas.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setComposite(AlphaComposite.SrcOver);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(new Color(0x202020));
        AttributedString as = new AttributedString(PARAGRAPH, Map.of(TextAttribute.FONT, awtFont));
        FontRenderContext frc = g.getFontRenderContext();
        LineBreakMeasurer m = new LineBreakMeasurer(as.getIterator(), frc);
        float y = 0;
        while (m.getPosition() < PARAGRAPH.length()) {
            java.awt.font.TextLayout line = m.nextLayout((float) WRAP);
            y += line.getAscent();
            line.draw(g, 0, y);
            y += line.getDescent() + line.getLeading();
        }
        g.dispose();
        return canvas;
    }
}
