package dev.lamina.bench.jmh;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.geometry.Extract;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.StripSink;
import java.io.IOException;
import java.util.List;
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
 * Lamina's composite per blend mode: a 1920x1080 RGBA layer at 80% opacity on the middle of a
 * 3840x2160 RGB base, the layer's rectangle computed through the pipeline. The peers have no
 * such modes (Java2D and OpenCV only blend "over"), so this suite is Lamina's alone; CompositeBench
 * compares "over" with them. MPix/s counts the layer's pixels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompositeModesBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"OVER", "MULTIPLY", "SCREEN", "OVERLAY", "SOFT_LIGHT", "DIFFERENCE", "XOR", "ADD"})
    public BlendMode mode;

    private Image layerRect;

    @Setup
    public void setUp() throws IOException {
        Image base = Pictures.lamina(Pictures.rgb(3840, 2160));
        Image layer = Pictures.lamina(Pictures.rgba(1920, 1080));
        Image composite = CompositeOp.build(base, List.of(new CompositeLayer(layer, mode,
                Placement.gravity(Gravity.CENTRE), 0.8)), null);
        layerRect = Extract.build(composite, new Rect(960, 540, 1920, 1080));
    }

    @Benchmark
    public long blend() {
        long[] sum = {0};
        StripSink.run(layerRect, strip -> sum[0] += strip.u8()[0]);
        return sum[0];
    }
}
