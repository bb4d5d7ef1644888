package dev.lamina.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands read WebP by content (made by libwebp's cwebp and img2webp; skipped without them):
 * {@code info} says lossy or lossless, alpha and frames; {@code convert} to PNG gives dwebp's
 * pixels; {@code composite} takes a WebP layer; writing WebP is refused clearly until the encoder exists.
 */
class WebpCliTest {
    @TempDir
    static Path dir;
    static Path png;
    static Path rgba;

    @BeforeAll
    static void images() throws IOException {
        png = dir.resolve("in.png");
        rgba = dir.resolve("in-rgba.png");
        BufferedImage b = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                b.setRGB(x, y, ((x * 6) & 0xFF) << 24 | (x * 6) << 16 | (y * 8) << 8 | ((x * y) & 0xFF));
            }
        }
        ImageIO.write(b, "png", rgba.toFile());
        BufferedImage o = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        o.getGraphics().drawImage(b, 0, 0, null);
        ImageIO.write(o, "png", png.toFile());
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    @Test
    void infoSaysLossyOrLosslessAlphaAndFrames() throws Exception {
        Assumptions.assumeTrue(onPath("cwebp") && onPath("img2webp"), "libwebp's tools are not installed");
        Path lossy = dir.resolve("lossy.webp");
        Path alpha = dir.resolve("alpha.webp");
        Path lossless = dir.resolve("lossless.webp");
        Path anim = dir.resolve("anim.webp");
        run("cwebp", "-quiet", "-q", "70", png.toString(), "-o", lossy.toString());
        run("cwebp", "-quiet", "-q", "70", rgba.toString(), "-o", alpha.toString());
        run("cwebp", "-quiet", "-lossless", rgba.toString(), "-o", lossless.toString());
        run("img2webp", "-lossy", png.toString(), rgba.toString(), png.toString(), "-o", anim.toString());
        CliTest.Run r = lamina("info", lossy.toString(), alpha.toString(), lossless.toString(), anim.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("coding       WebP, lossy (VP8)\n"), out);
        assertTrue(out.contains("coding       WebP, lossy (VP8) with alpha (ALPH, lossless), extended (VP8X)"), out);
        assertTrue(out.contains("coding       WebP, lossless (VP8L) with alpha"), out);
        assertTrue(out.contains("coding       WebP, animated, 3 frames, the first lossy (VP8)"), out);
        assertTrue(out.contains("frames       3 (the first is shown)"), out);
        assertTrue(out.contains("3 (rgb)") && out.contains("4 (rgb + alpha)"), out);
    }

    @Test
    void convertAndCompositeReadWebpByContent() throws Exception {
        Assumptions.assumeTrue(onPath("cwebp") && onPath("dwebp"), "libwebp's tools are not installed");
        Path webp = dir.resolve("photo.jpg");   // a misleading name: the content decides
        run("cwebp", "-quiet", "-q", "80", rgba.toString(), "-o", webp.toString());
        Path out = dir.resolve("out.png");
        assertEquals(0, lamina("convert", webp.toString(), "-o", out.toString()).code());
        Path expected = dir.resolve("expected.png");
        run("dwebp", "-quiet", webp.toString(), "-o", expected.toString());
        assertSamePixels(expected, out);
        Path composed = dir.resolve("composed.png");
        CliTest.Run r = lamina("composite", png.toString(), webp.toString(), "-o", composed.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(composed) > 0);
    }

    private static void assertSamePixels(Path a, Path b) throws IOException {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        assertEquals(x.getWidth(), y.getWidth());
        assertEquals(x.getHeight(), y.getHeight());
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                assertEquals(x.getRGB(i, j), y.getRGB(i, j), "pixel " + i + "," + j);
            }
        }
    }
}
