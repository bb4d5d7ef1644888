package dev.lamina.bench.jmh;

import dev.lamina.core.Image;
import dev.lamina.metrics.Compare;
import dev.lamina.metrics.Comparison;
import dev.lamina.metrics.Metric;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lamina's streaming metrics on two 1920x1080 RGB pictures (the second a noisier copy), one metric
 * family at a time, on the worker pool. MPix/s counts the pixels of one image.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MetricsBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"PIXEL_ERRORS", "SSIM", "MS_SSIM", "DELTA_E"})
    public Metric metric;

    private Image a;
    private Image b;

    @Setup
    public void setUp() throws IOException {
        a = Pictures.lamina(Pictures.rgb(1920, 1080));
        b = Pictures.lamina(Pictures.as(dev.lamina.bench.inputs.InputGenerator.noisy(Pictures.rgb(1920, 1080), 99),
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR));
    }

    @Benchmark
    public Comparison measure() {
        return Compare.of(a, b, false, EnumSet.of(metric));
    }
}
