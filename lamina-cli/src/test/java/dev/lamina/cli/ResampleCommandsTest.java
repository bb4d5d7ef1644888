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

    /** EXIF travels into the thumbnail unless --strip-exif; read back by the JDK's JPEG reader (APP1 marker node). */
    @Test
    void exifIsCarriedOverUnlessStripped() throws Exception {
        byte[] plain = Files.readAllBytes(photo);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x0F, 0, 2, 0, 0, 0, 4, 'A', 'c', 'm', 0, 0, 0, 0, 0};
        byte[] app1 = new byte[4 + 6 + tiff.length];
        app1[0] = (byte) 0xFF;
        app1[1] = (byte) 0xE1;
        app1[3] = (byte) (app1.length - 2);
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, app1, 4, 6);
        System.arraycopy(tiff, 0, app1, 10, tiff.length);
        byte[] withExif = new byte[plain.length + app1.length];
        System.arraycopy(plain, 0, withExif, 0, 2);
        System.arraycopy(app1, 0, withExif, 2, app1.length);
        System.arraycopy(plain, 2, withExif, 2 + app1.length, plain.length - 2);
        Path in = Files.write(dir.resolve("camera.jpg"), withExif);
        Path kept = dir.resolve("kept.jpg"), stripped = dir.resolve("stripped.jpg");
        assertEquals(0, lamina("thumbnail", in.toString(), "-s", "40", "-o", kept.toString()).code());
        assertEquals(0, lamina("thumbnail", in.toString(), "-s", "40", "--strip-exif", "-o", stripped.toString()).code());
        assertTrue(app1Count(kept) == 1, "EXIF kept");
        assertEquals(0, app1Count(stripped), "EXIF stripped");
    }

    /** APP1 segments as the JDK's JPEG reader reports them (unknown markers with MarkerTag 225). */
    static int app1Count(Path jpeg) throws IOException {
        try (var iis = ImageIO.createImageInputStream(jpeg.toFile())) {
            var reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            reader.setInput(iis);
            var tree = (org.w3c.dom.Element) reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
            var unknown = tree.getElementsByTagName("unknown");
            int n = 0;
            for (int i = 0; i < unknown.getLength(); i++) {
                if ("225".equals(((org.w3c.dom.Element) unknown.item(i)).getAttribute("MarkerTag"))) {
                    n++;
                }
            }
            reader.dispose();
            return n;
        }
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
