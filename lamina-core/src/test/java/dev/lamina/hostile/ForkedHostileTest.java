package dev.lamina.hostile;

import dev.lamina.model.Limits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pathological inputs at full size, each in a JVM of its own with a 64 MB heap: before
 * the memory budget they reached 3-5 GB of memory and 7-43 s; now each must fail with its clear
 * error inside that heap. The time bound (15 s, JVM start included) is a hang guard that the old
 * pathologies (15-20 s and more) would trip, not a speed assertion.
 */
class ForkedHostileTest {
    private static final long HEAP_MB = 64;
    private static final long GUARD_SECONDS = 15;
    private static final String DEFAULT_BUDGET = String.valueOf(Limits.DEFAULT_MAX_MEMORY_BYTES);

    @TempDir
    static Path dir;

    /** The last line the main printed, and the seconds the JVM ran (0.3-2.1 s on a loaded 2-core machine). */
    record Result(String line, double seconds) {
    }

    static Path tinyInterlaced;
    static Path fullInterlaced;
    static Path wide;
    static Path wideTiny;
    static Path tall;
    static Path progressive;
    static Path huffman;

    @BeforeAll
    static void files() throws IOException {
        tinyInterlaced = write("interlaced-tiny.png", HostileFiles.png(16383, 16383, 16, 6, true, HostileFiles.zlibZeros(200)));
        // enough compressed bytes that the image data could be there: 2 GB of zeros in 2 MB
        fullInterlaced = write("interlaced.png", HostileFiles.png(16383, 16383, 16, 6, true,
                HostileFiles.zlibZeros(HostileFiles.adam7Bytes(16383, 16383, 64))));
        wide = write("wide.png", HostileFiles.png(268_402_689, 1, 8, 0, false, HostileFiles.zlibZeros(268_402_690L)));
        wideTiny = write("wide-tiny.png", HostileFiles.png(268_402_689, 1, 8, 6, false, HostileFiles.zlibZeros(200)));
        tall = write("tall.png", HostileFiles.png(1, 268_402_689, 8, 0, false, HostileFiles.zlibZeros(2L * 268_402_689)));
        progressive = write("progressive.jpg", HostileFiles.jpegHeader(16383, 16383, true, 64));
        huffman = write("huffman.jpg", HostileFiles.jpegWithTable(true, new int[] {3}, new int[] {0, 1, 2}));
    }

    static Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostileMain.class.getName()));
        cmd.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", args) + ": still running after " + GUARD_SECONDS + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.split("\n");
        return new Result(lines[lines.length - 1], seconds);
    }

    static void expect(Result r, String kind, String... phrases) {
        assertTrue(r.line().startsWith(kind + ": "), r.line());
        for (String p : phrases) {
            assertTrue(r.line().contains(p), "'" + p + "' not in: " + r.line());
        }
    }

    @Test
    void aTinyFileClaimingAGiantInterlacedImage() throws Exception {
        expect(run("convert", tinyInterlaced.toString(), DEFAULT_BUDGET), "BAD_INPUT",
                tinyInterlaced + ": the file is too short for a 16383x16383 image");
    }

    @Test
    void aGiantInterlacedImageWhoseDataCouldBeThere() throws Exception {
        expect(run("convert", fullInterlaced.toString(), DEFAULT_BUDGET), "LIMIT_EXCEEDED",
                fullInterlaced + ": decoding the 16383x16383 interlaced image whole", "over the memory budget");
        // with the budget raised past the heap, the heap runs out: reported as a limit, naming the file
        expect(run("convert", fullInterlaced.toString(), String.valueOf(4L << 30)), "LIMIT_EXCEEDED",
                fullInterlaced + ": out of memory while writing", "Java heap");
    }

    @Test
    void aWideImage() throws Exception {
        expect(run("convert", wide.toString(), DEFAULT_BUDGET), "LIMIT_EXCEEDED",
                wide + ": decoding rows of 268402689 pixels", "over the memory budget");
        expect(run("thumbnail", wideTiny.toString(), DEFAULT_BUDGET), "BAD_INPUT", wideTiny + ": the file is too short");
    }

    @Test
    void aTallZeroImageStaysWithinTheHeapAndItsDeadline() throws Exception {
        // a valid 268-megapixel image: memory stays a few strips, and a deadline bounds its time
        Result r = run("convert", tall.toString(), DEFAULT_BUDGET, "1500");
        expect(r, "DEADLINE_EXCEEDED", tall + ": deadline exceeded");
        expect(run("thumbnail", tall.toString(), DEFAULT_BUDGET), "LIMIT_EXCEEDED",
                tall + ": computing the resampling weights from 268402689 to 300 pixels");
    }

    @Test
    void aProgressiveJpegClaimingAGiantFrame() throws Exception {
        expect(run("convert", progressive.toString(), DEFAULT_BUDGET), "LIMIT_EXCEEDED",
                progressive + ": holding the DCT coefficients of the 16383x16383 progressive JPEG");
    }

    @Test
    void anOverSubscribedHuffmanTable() throws Exception {
        expect(run("convert", huffman.toString(), DEFAULT_BUDGET), "BAD_INPUT",
                huffman + ": bad Huffman table DC0 (over-subscribed");
    }
}
