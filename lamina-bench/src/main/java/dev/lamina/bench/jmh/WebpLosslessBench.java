package dev.lamina.bench.jmh;

import dev.lamina.model.Limits;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.codec.webp.lossless.ArgbRowReader;
import dev.lamina.codec.webp.lossless.Vp8lDecoder;
import dev.lamina.codec.webp.lossless.Vp8lEncodeOptions;
import dev.lamina.codec.webp.lossless.Vp8lEncoder;
import dev.lamina.codec.webp.lossless.WebpLosslessFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lossless WebP (VP8L) decode and encode of a 1920x1080 photo (coffee.png scaled, RGBA with a
 * soft alpha edge), in memory, on one thread. Decode: Lamina's decoder to ARGB rows against
 * TwelveMonkeys' pure-Java WebP reader (ImageIO.read to a BufferedImage), both reading the same
 * file (Lamina's effort 6). Encode: Lamina at efforts 0, 6 and 9 (pick with {@code -p effort=}).
 * libwebp's cwebp and dwebp are timed as processes beside it in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebpLosslessBench {
    public static final long PIXELS = 1920L * 1080;

    private int[] argb;
    private byte[] file;
    private int[] chunk;

    static int[] picture() throws IOException {
        BufferedImage img = InputGenerator.withSoftAlpha(InputGenerator.scale(InputGenerator.photo("coffee.png"), 1920, 1080, true), 0.85);
        return img.getRGB(0, 0, 1920, 1080, null, 0, 1920);
    }

    @Setup
    public void setUp() throws IOException {
        argb = picture();
        file = WebpLosslessFile.wrap(Vp8lEncoder.encode(argb, 1920, 1080, Vp8lEncodeOptions.defaults()));
        chunk = WebpLosslessFile.findVp8l(file, "bench.webp");
    }

    @Benchmark
    public int decodeLamina() {
        ArgbRowReader rows = Vp8lDecoder.rows(file, chunk[0], chunk[1], "bench.webp", Limits.defaults());
        int sum = 0;
        for (int y = 0; y < rows.height(); y++) {
            sum += rows.nextRow()[y % rows.width()];
        }
        return sum;
    }

    @Benchmark
    public BufferedImage decodeTwelveMonkeys() throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    /** Encode at each effort. */
    @State(Scope.Benchmark)
    public static class Encode {
        @Param({"0", "6", "9"})
        public int effort;

        private int[] argb;

        @Setup
        public void setUp() throws IOException {
            argb = picture();
        }

        @Benchmark
        public byte[] encodeLamina() {
            return Vp8lEncoder.encode(argb, 1920, 1080, new Vp8lEncodeOptions(effort, false));
        }
    }
}
