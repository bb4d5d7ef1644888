package dev.lamina.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The default worker pool is sized once per process (the cores, or {@code -Dlamina.threads}), so
 * in-process tests cannot compare two sizes of it: here the same command runs in two fresh JVMs,
 * one worker and four, and the files must be the same bytes. (The determinism harness covers
 * every pipeline at 1-8 workers through {@code Execution}, in one JVM.)
 */
class ThreadCountForkedTest {
    @TempDir
    static Path dir;

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "jpg", "tif", "webp"})
    void theSameCommandWritesTheSameBytesWithOneWorkerAndWithFour(String extension) throws Exception {
        byte[] one = run(1, extension);
        byte[] four = run(4, extension);
        assertEquals(one.length, four.length, extension + ": sizes at 1 and 4 workers");
        assertArrayEquals(one, four, extension + ": bytes at 1 and 4 workers");
    }

    /** A composite of the bundled samples (PNG strips in parallel, deflate per strip) written as {@code extension}. */
    private static byte[] run(int threads, String extension) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + threads + "." + extension);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlamina.threads=" + threads, "-cp", System.getProperty("java.class.path"), LaminaCommand.class.getName()));
        cmd.addAll(Arrays.asList("composite", SAMPLES.resolve("background.png").toString(),
                SAMPLES.resolve("watermark.png").toString(), "--gravity", "south-east", "--opacity", "0.85",
                SAMPLES.resolve("watermark.png").toString(), "--gravity", "north-west", "--mode", "multiply",
                "-o", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("lamina with " + threads + " workers still running after 120 s");
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        return Files.readAllBytes(out);
    }
}
