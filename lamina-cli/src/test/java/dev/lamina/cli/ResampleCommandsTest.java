package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /** EXIF travels into the thumbnail unless --metadata icc-only; read back by the JDK's JPEG reader (APP1 marker node). */
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
        assertEquals(0, lamina("thumbnail", in.toString(), "-s", "40", "--metadata", "icc-only", "-o", stripped.toString()).code());
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
        assertTrue(r.err().contains("'--size': '64x'"), r.err());
    }

    @Test
    void resizeWithOneSideKeepsTheAspectRatio() throws IOException {
        Path out = dir.resolve("half.png");
        CliTest.Run r = lamina("resize", wide.toString(), "-o", out.toString(), "--width", "100", "--kernel", "mitchell");
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(100, t.getWidth());
        assertEquals(25, t.getHeight());
    }

    @Test
    void resizeByScale() throws IOException {
        Path out = dir.resolve("double.png");
        CliTest.Run r = lamina("resize", wide.toString(), "-o", out.toString(), "--scale", "2");
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(400, t.getWidth());
        assertEquals(100, t.getHeight());
    }

    @Test
    void unknownKernelIsAUsageError() {
        CliTest.Run r = lamina("resize", wide.toString(), "-o", dir.resolve("k.png").toString(), "--width", "10", "--kernel", "bicubicish");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bicubicish"), r.err());
        assertFalse(Files.exists(dir.resolve("k.png")));
    }

    static BufferedImage read(Path p) throws IOException {
        BufferedImage b = ImageIO.read(p.toFile());
        if (b == null) {
            throw new IOException(p + " is not an image ImageIO reads");
        }
        return b;
    }

    /** wide.png is 200x50; the box is 100x100 (sharp's results for the same sizes). */
    @ParameterizedTest(name = "{0} --fit {1}")
    @CsvSource({"resize,inside,100,25", "resize,cover,100,100", "resize,contain,100,100", "resize,fill,100,100",
            "resize,outside,400,100", "thumbnail,inside,100,25", "thumbnail,cover,100,100",
            "thumbnail,contain,100,100", "thumbnail,fill,100,100", "thumbnail,outside,400,100"})
    void fitModesGiveSharpsSizes(String command, String fit, int width, int height) throws IOException {
        Path out = dir.resolve(command + "-" + fit + ".png");
        String[] box = command.equals("resize") ? new String[] {"--width", "100", "--height", "100"}
                : new String[] {"-s", "100x100"};
        List<String> args = new ArrayList<>(List.of(command, wide.toString(), "-o", out.toString(), "--fit", fit));
        args.addAll(List.of(box));
        CliTest.Run r = lamina(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        BufferedImage t = read(out);
        assertEquals(width, t.getWidth());
        assertEquals(height, t.getHeight());
    }

    @Test
    void resizeWithoutFitFillsTheBoxExactly() throws IOException {
        Path out = dir.resolve("exact.png");
        assertEquals(0, lamina("resize", wide.toString(), "-o", out.toString(), "--width", "30", "--height", "30").code());
        assertEquals(30, read(out).getWidth());
        assertEquals(30, read(out).getHeight());
    }

    @Test
    void containLetterboxesOnTheBackgroundAndCoverCropsWhereAsked() throws IOException {
        Path boxed = dir.resolve("boxed.png");
        CliTest.Run r = lamina("thumbnail", wide.toString(), "-s", "100", "--fit", "contain", "--background", "ff0000",
                "-o", boxed.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage b = read(boxed);
        assertEquals(0xFFFF0000, b.getRGB(50, 5), "letterbox above the image");
        assertEquals(0xFFFF0000, b.getRGB(50, 94), "and below");
        assertEquals(read(wide).getRGB(100, 25) & 0xFF, b.getRGB(50, 50) & 0xFF, 3, "the image in the middle");

        Path translucent = dir.resolve("translucent.png");
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "100", "--fit", "contain", "--background",
                "00000000", "-o", translucent.toString()).code());
        assertEquals(0, read(translucent).getRGB(50, 5) >>> 24, "RRGGBBAA: a transparent letterbox");

        // wide.png's red rises from left to right: cover at east keeps the reddest part
        Path west = dir.resolve("west.png"), east = dir.resolve("east.png");
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "50", "--fit", "cover", "--gravity", "west",
                "-o", west.toString()).code());
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "50", "--fit", "cover", "--gravity", "east",
                "-o", east.toString()).code());
        assertTrue((read(east).getRGB(25, 25) >> 16 & 0xFF) > (read(west).getRGB(25, 25) >> 16 & 0xFF) + 100);
    }

    @Test
    void noEnlargeAndNoReduceKeepTheSourceSize() throws IOException {
        Path big = dir.resolve("no-enlarge.png"), small = dir.resolve("no-reduce.png");
        assertEquals(0, lamina("resize", wide.toString(), "-o", big.toString(), "--width", "800", "--no-enlarge").code());
        assertEquals(200, read(big).getWidth());
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "20", "--no-reduce", "-o", small.toString()).code());
        assertEquals(200, read(small).getWidth());
        assertEquals(50, read(small).getHeight());
    }

    /** A 1-pixel black and white checkerboard halved: 50% light is sRGB 187.5, 50% of the code values 127.5. */
    @Test
    void linearLightAveragesLight() throws IOException {
        BufferedImage board = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                board.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 0 : 255);
            }
        }
        Path in = dir.resolve("board.png"), linear = dir.resolve("linear.png"), encoded = dir.resolve("encoded.png");
        ImageIO.write(board, "png", in.toFile());
        for (String command : List.of("resize", "thumbnail")) {
            String[] size = command.equals("resize") ? new String[] {"--width", "8"} : new String[] {"-s", "8"};
            List<String> a = new ArrayList<>(List.of(command, in.toString(), "--kernel", "linear"));
            a.addAll(List.of(size));
            List<String> lin = new ArrayList<>(a);
            lin.addAll(List.of("--linear", "-o", linear.toString()));
            a.addAll(List.of("-o", encoded.toString()));
            assertEquals(0, lamina(lin.toArray(String[]::new)).code());
            assertEquals(0, lamina(a.toArray(String[]::new)).code());
            int l = read(linear).getRaster().getSample(4, 4, 0), e = read(encoded).getRaster().getSample(4, 4, 0);
            assertTrue(l == 187 || l == 188, command + " --linear: " + l);
            assertTrue(e == 127 || e == 128, command + ": " + e);
        }
    }

    @Test
    void kernelsReachTheResampler() throws IOException {
        Path nearest = dir.resolve("nearest.png"), lanczos = dir.resolve("lanczos.png");
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "77", "--kernel", "nearest", "-o", nearest.toString()).code());
        assertEquals(0, lamina("thumbnail", wide.toString(), "-s", "77", "-o", lanczos.toString()).code());
        BufferedImage n = read(nearest), src = read(wide);
        // nearest copies source pixels: x -> floor((x + 0.5) * 200 / 77)
        for (int x = 0; x < 77; x++) {
            assertEquals(src.getRGB((int) ((x + 0.5) * 200 / 77), (int) ((5 + 0.5) * 50 / 19)), n.getRGB(x, 5), "x " + x);
        }
        int differ = 0;
        for (int x = 0; x < 77; x++) {
            differ += n.getRGB(x, 5) != read(lanczos).getRGB(x, 5) ? 1 : 0;
        }
        assertTrue(differ > 10, "the default kernel (lanczos3) mixes pixels: " + differ);
    }

    @Test
    void batchOutputsThatWouldCollideAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("x.jpg");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("x.png");
        Files.copy(photo, a);
        Files.copy(wide, b);
        Path thumbs = Files.createDirectories(dir.resolve("collide"));
        CliTest.Run r = lamina("thumbnail", a.toString(), b.toString(), "-s", "32", "-o", thumbs + "/%s.jpg");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(a.toString()) && r.err().contains(b.toString())
                && r.err().contains(thumbs.resolve("x.jpg").toString()), r.err());
        try (var s = Files.list(thumbs)) {
            assertEquals(0, s.count(), "nothing written");
        }
        CliTest.Run same = lamina("thumbnail", a.toString(), a.toString(), "-s", "32", "-o", thumbs + "/%s.jpg");
        assertEquals(2, same.code(), "the same input twice collides too");
    }

    @Test
    void aBatchShowsProgressAndASummaryWhenAskedAndOnlyErrorsWhenPiped() throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        Path out = Files.createDirectories(dir.resolve("progress"));
        CliTest.Run shown = lamina("thumbnail", photo.toString(), bad.toString(), wide.toString(), "-s", "16",
                "--progress", "-o", out + "/%s.png");
        assertEquals(1, shown.code());
        String err = shown.err();
        assertTrue(err.contains("\r[") && err.contains("] 3/3, 1 failed, "), err);
        assertTrue(err.contains("lamina: " + bad), "the error, on a line of its own: " + err);
        assertTrue(Pattern.compile("lamina: 3 files in \\d+\\.\\d s \\(\\d+\\.\\d files/s\\), 1 failed\n").matcher(err).find(), err);

        // a test's standard error is not a terminal: by default only the error line
        CliTest.Run piped = lamina("thumbnail", photo.toString(), bad.toString(), wide.toString(), "-s", "16",
                "-o", out + "/%s.png");
        assertEquals(1, piped.code());
        assertFalse(piped.err().contains("\r"), piped.err());
        assertEquals(1, piped.err().strip().lines().count(), piped.err());
        CliTest.Run quiet = lamina("thumbnail", photo.toString(), wide.toString(), "-s", "16", "--no-progress",
                "-o", out + "/%s.png");
        assertEquals(0, quiet.code());
        assertEquals("", quiet.err());
    }
}
