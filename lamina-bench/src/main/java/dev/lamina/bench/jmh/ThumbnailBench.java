package dev.lamina.bench.jmh;

import com.criteo.vips.VipsImage;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.bench.inputs.JpegProcessInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.coobird.thumbnailator.Thumbnails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A thumbnail in a warm JVM, as a service makes it: a 4000x3000 photo-like JPEG file (quality 90,
 * bench/jpeg-process.sh's input) to fit 256 px, Lanczos-3 where the engine has it, JPEG quality 85
 * in memory. libvips in process (jvips: its thumbnail, shrink-on-load included, on libjpeg-turbo)
 * is the peer doing the same steps; Thumbnailator is the pure-Java peer (ImageIO decode at full
 * size, progressive bilinear). Every engine on all cores, as its users run it. MPix/s counts the
 * source's 12 MP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThumbnailBench {
    public static final long PIXELS = 4000L * 3000;
    static final int EDGE = 256;

    @Param({"lamina", "lamina-no-shrink-on-load", "thumbnailator", "jvips"})
    public String engine;

    private Path photo;

    @Setup
    public void setUp() throws IOException {
        photo = JpegProcessInputs.bigPhoto(Files.createDirectories(Path.of("bench", "inputs", "jpeg")));
        if (engine.equals("jvips")) {
            Pictures.loadVips();
        }
    }

    @Benchmark
    public byte[] thumbnail() throws Exception {
        return switch (engine) {
            case "lamina" -> Lamina.thumbnail(photo, ThumbnailOptions.edge(EDGE)).encode(JpegOptions.jpeg().quality(85));
            case "lamina-no-shrink-on-load" -> Lamina.thumbnail(photo, ThumbnailOptions.edge(EDGE).shrinkOnLoad(false))
                    .encode(JpegOptions.jpeg().quality(85));
            case "thumbnailator" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Thumbnails.of(photo.toFile()).size(EDGE, EDGE).outputFormat("jpg").outputQuality(0.85).toOutputStream(out);
                yield out.toByteArray();
            }
            case "jvips" -> {
                try (VipsImage t = VipsImage.thumbnail(photo.toString(), EDGE, EDGE, false)) {
                    yield t.writeJPEGToArray(85, true);
                }
            }
            default -> throw new IllegalStateException(engine);
        };
    }
}
