package dev.lamina.bench.jmh;

import dev.lamina.Execution;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The service's S2 collage as one request renders it: an 800x600 RGB canvas and 48 RGB tiles of
 * 100x100, all pinned (as the asset cache holds them), composited and encoded as JPEG quality 85
 * on one thread; and the JPEG encode of the canvas alone, to see what the compositing adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CollageBench {
    private LaminaImage canvas;
    private final List<Layer> tiles = new ArrayList<>();
    private final Execution oneThread = Execution.standard().threads(1);

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(23);
        canvas = noise(800, 600, rnd).pin();
        for (int i = 0; i < 48; i++) {
            tiles.add(Layer.of(noise(100, 100, rnd).pin()).at((i % 8) * 100, (i / 8) * 100));
        }
    }

    /** Smooth gradients with a little noise: photo-like enough for JPEG's entropy coder. */
    private static LaminaImage noise(int w, int h, SplittableRandom rnd) {
        byte[] px = new byte[w * h * 3];
        int r0 = rnd.nextInt(256), g0 = rnd.nextInt(256);
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i += 3) {
                px[i] = (byte) (r0 + x / 4 + rnd.nextInt(8));
                px[i + 1] = (byte) (g0 + y / 4 + rnd.nextInt(8));
                px[i + 2] = (byte) ((x + y) / 8 + rnd.nextInt(8));
            }
        }
        return Lamina.fromPixels(px, w, h, 3);
    }

    @Benchmark
    public byte[] collageJpeg() {
        return oneThread.call(() -> canvas.composite(tiles).encode(JpegOptions.jpeg().quality(85)));
    }

    @Benchmark
    public byte[] canvasJpegOnly() {
        return oneThread.call(() -> canvas.encode(JpegOptions.jpeg().quality(85)));
    }
}
