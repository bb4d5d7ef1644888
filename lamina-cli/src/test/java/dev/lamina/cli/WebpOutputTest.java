package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code .webp} output by name from the commands, with the WebP flags: libwebp's webpinfo must
 * accept each file and report the format asked for; quality and effort change the file; flags of
 * other formats are ignored, as sharp ignores them; out-of-range values are usage errors.
 */
class WebpOutputTest {
    @TempDir
    static Path dir;
    static Path photo;

    @BeforeAll
    static void image() throws IOException {
        photo = dir.resolve("photo.png");
        BufferedImage b = new BufferedImage(120, 80, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                int a = x < 10 ? 128 : 255;
                b.setRGB(x, y, a << 24 | (x * 2) << 16 | (y * 3) << 8 | ((x * y) & 255));
            }
        }
        ImageIO.write(b, "png", photo.toFile());
    }

    static int lamina(String... args) {
        return LaminaCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    static String webpinfo(Path f) throws Exception {
        Process p = new ProcessBuilder("webpinfo", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    static boolean haveWebpinfo() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, "webpinfo"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void convertResizeAndThumbnailWriteWebpByName() throws Exception {
        assumeTrue(haveWebpinfo(), "libwebp's webpinfo is not installed (Debian package 'webp'): skipping");
        Path lossy = dir.resolve("lossy.webp");
        assertEquals(0, lamina("convert", photo.toString(), "-o", lossy.toString(), "--quality", "60", "--effort", "2"));
        String info = webpinfo(lossy);
        assertTrue(info.contains("Format: Lossy") && info.contains("ALPH") && info.contains("No error detected"), info);

        Path lossless = dir.resolve("lossless.webp");
        assertEquals(0, lamina("resize", photo.toString(), "-o", lossless.toString(), "--width", "60", "--lossless",
                "--compression", "9"));   // a PNG flag: ignored
        info = webpinfo(lossless);
        assertTrue(info.contains("Format: Lossless") && info.contains("Width: 60") && info.contains("No error detected"), info);

        Path thumb = dir.resolve("thumb.webp");
        assertEquals(0, lamina("thumbnail", photo.toString(), "-s", "32", "-o", thumb.toString()));
        assertTrue(webpinfo(thumb).contains("No error detected"));
    }

    @Test
    void qualityChangesTheFile() {
        Path low = dir.resolve("q20.webp");
        Path high = dir.resolve("q95.webp");
        assertEquals(0, lamina("convert", photo.toString(), "-o", low.toString(), "--quality", "20"));
        assertEquals(0, lamina("convert", photo.toString(), "-o", high.toString(), "--quality", "95"));
        assertTrue(low.toFile().length() < high.toFile().length());
    }

    @Test
    void effortOutOfRangeIsAUsageError() {
        assertEquals(2, lamina("convert", photo.toString(), "-o", dir.resolve("x.webp").toString(), "--effort", "7"));
    }
}
