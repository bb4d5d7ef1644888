package dev.lamina.bench.jmh;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.bench.peers.OpenCvPeer;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.geometry.Extract;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;

import com.criteo.vips.VipsException;
import com.criteo.vips.VipsImage;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nu.pattern.OpenCV;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Composite "over" of a 1920x1080 RGBA layer onto a 3840x2160 RGB base, in memory (no codec).
 * MPix/s counts the layer's pixels, the ones that are blended. Lamina computes the same rectangle
 * (the layer's place on the base) through its pipeline and worker pool, exact against the float64
 * reference; Java2D blends in place in 8 bits, OpenCV in float. libvips (jvips) crops the layer's
 * place from the base, runs vips_composite2 "over" on it and pulls the result through vips_max, the
 * cheapest whole-image sink the binding has (it adds a scan of the RGBA result).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompositeBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"lamina", "java2d", "opencv", "jvips"})
    public String engine;

    private VipsImage baseVips;
    private VipsImage layerVips;

    private BufferedImage base;
    private BufferedImage layer;
    private Mat baseMat;
    private Mat layerMat;
    private Image laminaOver;

    @Setup
    public void setUp() throws IOException, VipsException {
        base = Pictures.rgb(3840, 2160);
        layer = Pictures.rgba(1920, 1080);
        if (engine.equals("jvips")) {
            Pictures.loadVips();
            baseVips = Pictures.vips(base);
            layerVips = Pictures.vips(layer);
        }
        if (engine.equals("opencv")) {
            OpenCV.loadLocally();
            baseMat = Pictures.mat(base);
            layerMat = Pictures.mat(layer);
        }
        if (engine.equals("lamina")) {
            Image composite = CompositeOp.build(Pictures.lamina(base), List.of(new CompositeLayer(
                    Pictures.lamina(layer), BlendMode.OVER, Placement.gravity(Gravity.CENTRE), 1.0)), null);
            laminaOver = Extract.build(composite, new dev.lamina.core.Rect(960, 540, 1920, 1080));
        }
    }

    /** Blends into the same base each time: the cost does not depend on what the base holds. */
    @Benchmark
    public Object over() throws VipsException {
        if (engine.equals("jvips")) {
            VipsImage roi = baseVips.extractArea(960, 540, 1920, 1080);
            try {
                roi.compose(layerVips);
                return roi.max1();
            } finally {
                roi.release();
            }
        }
        if (engine.equals("lamina")) {
            long[] sum = {0};
            StripSink.run(laminaOver, strip -> sum[0] += strip.u8()[0]);
            return sum[0];
        }
        if (engine.equals("opencv")) {
            Mat roi = baseMat.submat(new Rect(960, 540, 1920, 1080));
            OpenCvPeer.over(roi, layerMat);
            return roi;
        }
        Graphics2D g = base.createGraphics();
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(layer, 960, 540, null);
        g.dispose();
        return base;
    }
}
