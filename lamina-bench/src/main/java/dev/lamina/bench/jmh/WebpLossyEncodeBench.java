package dev.lamina.bench.jmh;

import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.codec.webp.lossy.Vp8Encoder;
import java.awt.image.BufferedImage;
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
 * Lossy WebP (VP8) encode of a 1920x1080 opaque photo (coffee.png scaled), in memory, one thread,
 * at quality 75 and efforts 0, 4 (the default) and 6 (pick with {@code -p effort=}). There is no
 * pure-Java peer: TwelveMonkeys' imageio-webp only reads. libwebp's cwebp is timed as a process on
 * the same pixels beside it in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebpLossyEncodeBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"0", "4", "6"})
    public int effort;

    private int[] argb;

    static int[] picture() throws IOException {
        BufferedImage img = InputGenerator.scale(InputGenerator.photo("coffee.png"), 1920, 1080, false);
        return img.getRGB(0, 0, 1920, 1080, null, 0, 1920);
    }

    @Setup
    public void setUp() throws IOException {
        argb = picture();
    }

    @Benchmark
    public byte[] encodeLamina() {
        return Vp8Encoder.encode(argb, 1920, 1080, 75, effort);
    }

    /** Writes the benchmark's picture as PNG, for timing cwebp on the same pixels. */
    public static void main(String[] args) throws IOException {
        BufferedImage img = InputGenerator.scale(InputGenerator.photo("coffee.png"), 1920, 1080, false);
        javax.imageio.ImageIO.write(img, "png", new java.io.File(args[0]));
    }
}
