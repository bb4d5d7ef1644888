package dev.lamina.bench.jmh;

import dev.lamina.model.Kernel;
import dev.lamina.core.Image;
import dev.lamina.resample.Resize;
import java.io.IOException;
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
 * The cost of resampling in linear light: the same 1920x1080 RGB quarter resize as
 * {@link ResizeBench}, in the encoded values and in linear light (decoded to linear at F32,
 * resampled, encoded again, rounded once). MPix/s counts the input's pixels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LinearLightBench {
    @Param({"encoded", "linear"})
    public String light;

    @Param({"LANCZOS3", "LINEAR"})
    public Kernel kernel;

    private Image resized;

    @Setup
    public void setUp() throws IOException {
        Image picture = Pictures.lamina(Pictures.rgb(1920, 1080));
        resized = light.equals("linear")
                ? Resize.buildLinear(picture, 480, 270, kernel, Double.NaN, Double.NaN)
                : Resize.build(picture, 480, 270, kernel);
    }

    @Benchmark
    public long quarter() {
        return ResizeBench.pull(resized);
    }
}
