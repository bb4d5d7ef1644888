package dev.lamina.bench.jmh;

import dev.lamina.model.Paint;
import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.draw.ShapeFill;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
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
 * One antialiased shape filled with a colour on a transparent 1000x1000 RGBA canvas, per engine:
 * shapes/s (ops/s) and MPix/s of the canvas. Lamina builds the shape (flattening, edge table) and
 * pulls the RGBA image through its pipeline on its worker pool, exact-area coverage; Java2D clears
 * an ARGB image and fills the same geometry with antialiasing on (the Marlin renderer's subpixel
 * sampling). The shapes: a rounded rectangle, a 100-vertex star (a simple polygon with 50 spikes),
 * an SVG path with cubic, quadratic and arc segments. {@link OneThread}: Lamina on one worker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RasterBench {
    public static final long PIXELS = 1000L * 1000;
    static final String SVG = "M100 900 C200 100 400 100 500 500 S800 900 900 100 Q950 500 900 900 T500 950"
            + " A200 150 20 1 1 100 900 Z";

    @Param({"rounded-rect", "star-100", "svg-curves"})
    public String shape;

    @Param({"lamina", "java2d"})
    public String engine;

    private Shape laminaShape;
    private java.awt.Shape awtShape;
    private BufferedImage canvas;

    @Setup
    public void setUp() {
        laminaShape = laminaShape(shape);
        awtShape = awtShape(shape);
        canvas = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_ARGB);
    }

    static Shape laminaShape(String name) {
        return switch (name) {
            case "rounded-rect" -> Shape.roundedRect(50.5, 40.25, 900, 900, 60);
            case "star-100" -> Shape.polygon(star());
            default -> Shape.parse(SVG);
        };
    }

    static java.awt.Shape awtShape(String name) {
        return switch (name) {
            case "rounded-rect" -> new RoundRectangle2D.Double(50.5, 40.25, 900, 900, 120, 120);
            case "star-100" -> {
                double[] xy = star();
                Path2D.Double p = new Path2D.Double();
                p.moveTo(xy[0], xy[1]);
                for (int i = 2; i < xy.length; i += 2) {
                    p.lineTo(xy[i], xy[i + 1]);
                }
                p.closePath();
                yield p;
            }
            default -> {
                // the same path as Lamina parses it (Java2D has no SVG parser): Lamina's own segments
                Path2D.Double p = new Path2D.Double();
                Shape.parse(SVG).segments(new Shape.Segments() {
                    public void moveTo(double x, double y) {
                        p.moveTo(x, y);
                    }

                    public void lineTo(double x, double y) {
                        p.lineTo(x, y);
                    }

                    public void quadTo(double cx, double cy, double x, double y) {
                        p.quadTo(cx, cy, x, y);
                    }

                    public void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
                        p.curveTo(c1x, c1y, c2x, c2y, x, y);
                    }

                    public void close() {
                        p.closePath();
                    }
                });
                yield p;
            }
        };
    }

    /** 100 vertices alternating between radius 480 and 200 about the centre. */
    static double[] star() {
        double[] xy = new double[200];
        for (int i = 0; i < 100; i++) {
            double a = 2 * Math.PI * i / 100, r = i % 2 == 0 ? 480 : 200;
            xy[2 * i] = 500 + r * Math.cos(a);
            xy[2 * i + 1] = 500 + r * Math.sin(a);
        }
        return xy;
    }

    static Image lamina(Shape s) {
        return ShapeFill.image(s, Paint.solid(0x3366cc), 1000, 1000, BandFormat.U8, "shape");
    }

    @Benchmark
    public Object fill() {
        if (engine.equals("lamina")) {
            return ResizeBench.pull(lamina(laminaShape));
        }
        Graphics2D g = canvas.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, 1000, 1000);
        g.setComposite(AlphaComposite.SrcOver);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x3366cc));
        g.fill(awtShape);
        g.dispose();
        return canvas;
    }

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(jvmArgsAppend = "-Dlamina.threads=1")
    public static class OneThread {
        @Param({"rounded-rect", "star-100", "svg-curves"})
        public String shape;

        private Shape laminaShape;

        @Setup
        public void setUp() {
            laminaShape = laminaShape(shape);
        }

        @Benchmark
        public Object fill() {
            return ResizeBench.pull(lamina(laminaShape));
        }
    }
}
