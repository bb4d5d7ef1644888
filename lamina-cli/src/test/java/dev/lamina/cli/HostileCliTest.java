package dev.lamina.cli;

import dev.lamina.Lamina;
import dev.lamina.model.PngOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The command line against hostile inputs and a hostile environment: a kill in the middle of a
 * write, a heap too small, offsets at the int limit, and what every such failure says.
 */
class HostileCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run lamina(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LaminaCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The command in a JVM of its own with {@code jvm} options; the process, started. */
    static Process fork(List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LaminaCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String finish(Process p, int seconds) throws InterruptedException, IOException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("still running after " + seconds + " s");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A 16383x16383 16-bit RGBA interlaced PNG of zeros in about 2 MB (zlib of 2 GB of zeros). */
    static byte[] giantInterlaced() {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        z.write(0x78);
        z.write(0xDA);
        Deflater d = new Deflater(9, true);
        d.setInput(new byte[16 << 20]);
        byte[] buf = new byte[1 << 16];
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            unit.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        d.end();
        long raw = 0;   // Adam7 passes of 16383x16383 at 8 bytes per pixel, each row with its filter byte
        int[][] passes = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
        for (int[] p : passes) {
            raw += (long) ((16383 - p[1] + p[3] - 1) / p[3]) * (8L * ((16383 - p[0] + p[2] - 1) / p[2]) + 1);
        }
        for (long k = 0; k <= raw / (16 << 20); k++) {
            z.writeBytes(unit.toByteArray());   // a little more than needed: the decoder stops before
        }
        z.writeBytes(new byte[] {0x03, 0x00, 0, 0, 0, 0});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(16383).putInt(16383).put((byte) 16).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 1).array());
        chunk(png, "IDAT", z.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(t);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aBudgetRefusalSaysWhichOptionRaisesIt() throws IOException {
        Path in = Files.write(dir.resolve("giant.png"), giantInterlaced());
        Run r = lamina("convert", in.toString(), "-o", dir.resolve("out.png").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("lamina: " + in + ": decoding the 16383x16383 interlaced image whole"), r.err());
        assertTrue(r.err().trim().endsWith("(raise it with --limit-memory)"), r.err());
        Run bad = lamina("convert", in.toString(), "-o", dir.resolve("out.png").toString(), "--limit-memory", "12q");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("'12q' is not a size"), bad.err());
    }

    @Test
    void runningOutOfHeapNamesTheFileAndWhatToRaise() throws Exception {
        Path in = Files.write(dir.resolve("giant.png"), giantInterlaced());
        Process p = fork(List.of("-Xmx32m", "-XX:+UseSerialGC"), "convert", in.toString(),
                "-o", dir.resolve("out.png").toString(), "--limit-memory", "4g");
        String out = finish(p, 60);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.startsWith("lamina: " + in + ": out of memory while writing " + dir.resolve("out.png")), out);
        assertTrue(out.contains("(LAMINA_JAVA_OPTS=-Xmx<size> sets the heap, --limit-memory the budget)"), out);
        assertFalse(out.contains("internal error") || out.contains("OutOfMemoryError"), out);
    }

    @Test
    void aKilledRunLeavesNoTemporaryFile() throws Exception {
        // a job that takes seconds: a 2000x2000 noise image at the slowest compression
        byte[] noise = new byte[2000 * 2000 * 3];
        new java.util.Random(7).nextBytes(noise);
        Path in = dir.resolve("noise.png");
        Lamina.fromPixels(noise, 2000, 2000, 3).save(in, PngOptions.png().compression(0));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Process p = fork(List.of("-Xmx256m"), "convert", in.toString(), "-o", outDir.resolve("out.png").toString(),
                "--compression", "9");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (listing(outDir).stream().noneMatch(n -> n.endsWith(".part"))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                fail("no temporary file appeared; the run ended with: " + finish(p, 10) + " " + listing(outDir));
            }
            Thread.sleep(20);
        }
        p.destroy();   // SIGTERM: the JVM runs its shutdown hooks (and the JDK closes the pipes)
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM");
        assertEquals(128 + 15, p.exitValue(), "the exit status of a JVM stopped by SIGTERM");
        assertEquals(List.of(), listing(outDir), "left behind after SIGTERM");
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLayerAtTheIntLimitIsClippedAway() throws IOException {
        Path base = dir.resolve("base.png");
        Path layer = dir.resolve("layer.png");
        BufferedImage b = new BufferedImage(32, 20, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 32; x++) {
                b.setRGB(x, y, x * 8 << 16 | y * 12 << 8 | 77);
            }
        }
        ImageIO.write(b, "png", base.toFile());
        BufferedImage l = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        ImageIO.write(l, "png", layer.toFile());
        Path out = dir.resolve("c.png");
        Run r = lamina("composite", base.toString(), layer.toString(), "--x", "2147483647", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage got = ImageIO.read(out.toFile());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(b.getRGB(x, y), got.getRGB(x, y), x + "," + y);
            }
        }
    }

    @Test
    void usageHintsNameTheCommandOnce() {
        Run r = lamina("--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("(lamina --help shows the usage)"), r.err());
        Run sub = lamina("convert", "--bogus");
        assertTrue(sub.err().contains("(lamina convert --help shows the usage)"), sub.err());
    }
}
