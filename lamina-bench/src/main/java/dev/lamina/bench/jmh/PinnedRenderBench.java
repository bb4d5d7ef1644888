package dev.lamina.bench.jmh;

import dev.lamina.Execution;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.ThumbnailOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Many callers rendering from one pinned image, as a service keeps a hot asset: each JMH thread
 * (run with {@code -t 1}, {@code -t 2}, {@code -t 4}) encodes a 256-pixel JPEG thumbnail of the
 * same pinned 1920x1080 picture on a run of its own single worker, so throughput can only grow
 * with the callers if pinned images are shared without contention. Each caller brings its own
 * one-thread executor: {@code Execution.threads(1)} would be one pool of one thread for the whole
 * process, which all callers would queue on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PinnedRenderBench {
    private LaminaImage pinned;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("pinned", ".png");
        ImageIO.write(Pictures.rgb(1920, 1080), "png", file.toFile());
        pinned = Lamina.open(file).pin();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One worker per caller, as a service gives each request a run of its own. */
    @State(Scope.Thread)
    public static class Caller {
        ExecutorService worker;
        Execution execution;

        @Setup(Level.Trial)
        public void setUp() {
            worker = Executors.newSingleThreadExecutor();
            execution = Execution.standard().executor(worker, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            worker.shutdownNow();
        }
    }

    @Benchmark
    public int thumbnail(Caller caller) {
        return caller.execution
                .call(() -> pinned.thumbnail(ThumbnailOptions.edge(256)).encode(JpegOptions.jpeg()).length);
    }
}
