package dev.lamina.bench.jmh;

import dev.lamina.model.Limits;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.codec.webp.WebpDecoder;
import dev.lamina.codec.webp.lossy.Vp8Decoder;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Lossy WebP decode of a 1920x1080 photo (coffee.png scaled), in memory, on one thread: Lamina's
 * VP8 decoder to RGB rows (opaque) or the whole WebP decoder with its ALPH alpha to an RGBA image
 * ({@code -p alpha=true}), against TwelveMonkeys' pure-Java reader ({@code ImageIO.read}) on the
 * same file. The files are made at setup by libwebp's {@code cwebp -q 80} (Lamina writes no lossy
 * WebP yet), so cwebp must be on the PATH; dwebp and vips are timed as processes beside it
 * (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebpLossyBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"false", "true"})
    public boolean alpha;

    private byte[] file;
    private int vp8Offset;
    private int vp8Length;

    /** The picture as PNG, and as WebP made by cwebp with {@code options}. */
    public static byte[] cwebp(boolean alpha, String... options) throws IOException, InterruptedException {
        BufferedImage img = InputGenerator.scale(InputGenerator.photo("coffee.png"), 1920, 1080, alpha);
        if (alpha) {
            img = InputGenerator.withSoftAlpha(img, 0.85);
        }
        Path png = Files.createTempFile("webp-bench", ".png");
        Path webp = Files.createTempFile("webp-bench", ".webp");
        try {
            ImageIO.write(img, "png", png.toFile());
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("cwebp", "-quiet"));
            cmd.addAll(java.util.List.of(options));
            cmd.addAll(java.util.List.of(png.toString(), "-o", webp.toString()));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("cwebp failed");
            }
            return Files.readAllBytes(webp);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(webp);
        }
    }

    @Setup
    public void setUp() throws IOException, InterruptedException {
        file = cwebp(alpha, "-q", "80");
        int at = 12;
        while (at + 8 <= file.length) {
            int size = (file[at + 4] & 0xFF) | (file[at + 5] & 0xFF) << 8 | (file[at + 6] & 0xFF) << 16 | (file[at + 7] & 0xFF) << 24;
            if (file[at] == 'V' && file[at + 1] == 'P' && file[at + 2] == '8' && file[at + 3] == ' ') {
                vp8Offset = at + 8;
                vp8Length = size;
            }
            at += 8 + size + (size & 1);
        }
    }

    /** The VP8 frame alone, to RGB rows (the alpha chunk, if any, is not read). */
    @Benchmark
    public int decodeLaminaVp8() {
        Vp8Decoder d = Vp8Decoder.open(file, vp8Offset, vp8Length, "bench.webp", Limits.defaults());
        byte[] row = new byte[d.width() * 3];
        int sum = 0;
        for (int y = 0; y < d.height(); y++) {
            d.rgbRow(y, row, 0, 3);
            sum += row[y % row.length];
        }
        return sum;
    }

    /** The whole file through the WebP decoder (container, ALPH, line cache) to one region. */
    @Benchmark
    public Region decodeLaminaImage() {
        Image image = WebpDecoder.open(file, "bench.webp", Limits.defaults());
        return image.fetch(image.bounds());
    }

    @Benchmark
    public BufferedImage decodeTwelveMonkeys() throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }
}
