package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lamina thumbnail} and {@code lamina resize} as a user runs them; sizes read back by ImageIO. */
class ResampleCommandsTest {
    @TempDir
    static Path dir;
    static Path photo;
    static Path wide;

    @BeforeAll
    static void images() throws IOException {
        photo = dir.resolve("photo.jpg");
        wide = dir.resolve("wide.png");
        ImageIO.write(gradient(400, 300), "jpeg", photo.toFile());
        ImageIO.write(gradient(200, 50), "png", wide.toFile());
    }

    static BufferedImage gradient(int w, int h) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 128);
            }
        }
        return b;
    }

    @Test
    void batchThumbnailsNameOutputsAfterInputsAndGoOnPastABadOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jpg"), "not a jpeg");
        Path out = Files.createDirectories(dir.resolve("thumbs"));
        CliTest.Run r = lamina("thumbnail", photo.toString(), bad.toString(), wide.toString(), "-s", "64",
                "-o", out + "/%s.jpg", "--quality", "90");
        assertEquals(1, r.code(), "one input failed");
        assertTrue(r.err().contains("bad.jpg") && r.err().strip().lines().count() == 1, r.err());
        BufferedImage a = ImageIO.read(out.resolve("photo.jpg").toFile());
        assertEquals(64, a.getWidth());
        assertEquals(48, a.getHeight());
        BufferedImage b = ImageIO.read(out.resolve("wide.jpg").toFile());
        assertEquals(64, b.getWidth());
        assertEquals(16, b.getHeight());
        assertFalse(Files.exists(out.resolve("bad.jpg")), "no output for the failed input");
    }

    @Test
    void coverFillsTheBox() throws IOException {
        Path out = dir.resolve("cover.png");
        CliTest.Run r = lamina("thumbnail", photo.toString(), "-s", "50x50", "--fit", "cover", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(50, t.getWidth());
        assertEquals(50, t.getHeight());
    }

    @Test
    void severalInputsNeedAPattern() {
        CliTest.Run r = lamina("thumbnail", photo.toString(), wide.toString(), "-s", "64", "-o", dir.resolve("one.jpg").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("%s"), r.err());
    }

    @Test
    void badSizeIsAUsageError() {
        CliTest.Run r = lamina("thumbnail", photo.toString(), "-s", "64x", "-o", dir.resolve("x.jpg").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size '64x'"), r.err());
    }

    @Test
    void resizeWithOneSideKeepsTheAspectRatio() throws IOException {
        Path out = dir.resolve("half.png");
        CliTest.Run r = lamina("resize", wide.toString(), out.toString(), "--width", "100", "--kernel", "mitchell");
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(100, t.getWidth());
        assertEquals(25, t.getHeight());
    }

    @Test
    void resizeByScale() throws IOException {
        Path out = dir.resolve("double.png");
        CliTest.Run r = lamina("resize", wide.toString(), out.toString(), "--scale", "2");
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(400, t.getWidth());
        assertEquals(100, t.getHeight());
    }

    @Test
    void unknownKernelIsAUsageError() {
        CliTest.Run r = lamina("resize", wide.toString(), dir.resolve("k.png").toString(), "--width", "10", "--kernel", "bicubicish");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bicubicish"), r.err());
        assertFalse(Files.exists(dir.resolve("k.png")));
    }
}
