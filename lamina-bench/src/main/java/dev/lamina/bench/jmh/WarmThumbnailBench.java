package dev.lamina.bench.jmh;

import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.bench.inputs.InputGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 15's per-image thumbnail in a warm JVM: the lab's S4 photos (photo-like 1632x1224 JPEGs of
 * quality 90, 4:2:0; the first 16 of the set, cycled so no one file's branches are learnt) to fit
 * 256 px, JPEG quality 85, encoded bytes in and out of memory. {@code bench/node/warm-thumbnail.js}
 * does the same with sharp on the same files, so the two compare per image. {@link One} runs with
 * one worker thread ({@code -Dlamina.threads=1}, as {@code sharp.concurrency(1)}), {@link Two} with
 * two. Lamina's encode hands entropy coding to the caller's thread while the worker transforms the
 * next strip, so "one thread" may use a second core for part of the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WarmThumbnailBench {
    static final int FILES = 16;
    static final int EDGE = 256;

    private byte[][] files;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of("bench", "inputs", "full");
        InputGenerator.generate(dir, InputGenerator.Profile.full(), Set.of("s4"));
        files = new byte[FILES][];
        for (int i = 0; i < FILES; i++) {
            files[i] = Files.readAllBytes(dir.resolve("s4").resolve("photo-%03d.jpg".formatted(i)));
        }
    }

    byte[] thumbnail() {
        byte[] in = files[next];
        next = (next + 1) % FILES;
        return Lamina.thumbnail(in, "photo.jpg", ThumbnailOptions.edge(EDGE), LoadOptions.defaults())
                .encode(JpegOptions.jpeg().quality(85));
    }

    /** One worker thread. */
    @Fork(jvmArgsAppend = "-Dlamina.threads=1")
    public static class One extends WarmThumbnailBench {
        @Benchmark
        public byte[] thumbnail1() {
            return thumbnail();
        }
    }

    /** Two worker threads (the machine's cores). */
    @Fork(jvmArgsAppend = "-Dlamina.threads=2")
    public static class Two extends WarmThumbnailBench {
        @Benchmark
        public byte[] thumbnail2() {
            return thumbnail();
        }
    }
}
