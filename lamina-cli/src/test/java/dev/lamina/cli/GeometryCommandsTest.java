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

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geometry commands as a user runs them. Inputs are PNGs of distinct colours per pixel made
 * with ImageIO, outputs are read back with ImageIO, and every expectation is an index formula (the
 * pixel that must land where), not a call into Lamina: the operations themselves are held to
 * their float64 twins in lamina-reference; this checks the command line's wiring.
 */
class GeometryCommandsTest {
    @TempDir
    static Path dir;
    static Path photo;
    static BufferedImage pixels;

    @BeforeAll
    static void image() throws IOException {
        pixels = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                pixels.setRGB(x, y, x * 6 << 16 | y * 11 << 8 | (x + y) % 7 * 30);
            }
        }
        photo = dir.resolve("photo.png");
        ImageIO.write(pixels, "png", photo.toFile());
    }

    private static BufferedImage run(String... args) throws IOException {
        Path out = dir.resolve(args[0] + "-" + Integer.toHexString(String.join(" ", args).hashCode()) + ".png");
        String[] full = new String[args.length + 3];
        full[0] = args[0];
        full[1] = photo.toString();
        System.arraycopy(args, 1, full, 2, args.length - 1);
        full[args.length + 1] = "-o";
        full[args.length + 2] = out.toString();
        CliTest.Run r = lamina(full);
        assertEquals(0, r.code(), r.err());
        return ImageIO.read(out.toFile());
    }

    private static int rgb(BufferedImage b, int x, int y) {
        return b.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void extractCutsTheRectangle() throws IOException {
        BufferedImage out = run("extract", "--area", "5,3,20,11");
        assertEquals(20, out.getWidth());
        assertEquals(11, out.getHeight());
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(rgb(pixels, x + 5, y + 3), rgb(out, x, y), "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void flipAndFlopMirror() throws IOException {
        BufferedImage flipped = run("flip");
        BufferedImage flopped = run("flop");
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                assertEquals(rgb(pixels, x, 22 - y), rgb(flipped, x, y));
                assertEquals(rgb(pixels, 36 - x, y), rgb(flopped, x, y));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"90", "-270", "180", "270", "-90"})
    void quarterTurnsAreExactCopies(int angle) throws IOException {
        BufferedImage out = run("rotate", "--angle", Integer.toString(angle));
        int turns = Math.floorMod(angle, 360) / 90;
        assertEquals(turns % 2 == 0 ? 37 : 23, out.getWidth());
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                // Clockwise: a quarter turn takes input (sx, sy) to (h - 1 - sy, sx).
                int sx = switch (turns) {
                    case 1 -> y;
                    case 2 -> 36 - x;
                    default -> 36 - y;
                };
                int sy = switch (turns) {
                    case 1 -> 22 - x;
                    case 2 -> 22 - y;
                    default -> x;
                };
                assertEquals(rgb(pixels, sx, sy), rgb(out, x, y), angle + " at (" + x + ", " + y + ")");
            }
        }
    }

    /** A 30-degree turn lands on the bounding box of the turned rectangle; the corners get the background. */
    @Test
    void anyAngleOutputsTheBoundingBoxOnTheBackground() throws IOException {
        BufferedImage out = run("rotate", "--angle", "30", "--background", "ff0000");
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        assertEquals(Math.ceil(37 * c + 23 * s - 1e-9), out.getWidth(), 1.0);
        assertEquals(Math.ceil(37 * s + 23 * c - 1e-9), out.getHeight(), 1.0);
        assertEquals(0xFF0000, rgb(out, 0, 0), "a corner outside the turned image is the background");
    }

    @Test
    void affineScaleByTwoDoublesTheSizeAndNearestCopiesPixels() throws IOException {
        BufferedImage out = run("affine", "--matrix", "2,0,0,2", "--kernel", "nearest");
        assertEquals(74, out.getWidth());
        assertEquals(46, out.getHeight());
        for (int y = 0; y < 46; y++) {
            for (int x = 0; x < 74; x++) {
                assertEquals(rgb(pixels, x / 2, y / 2), rgb(out, x, y), "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void extendAddsMarginsOfTheBackgroundOrCopiesTheEdge() throws IOException {
        BufferedImage coloured = run("extend", "--top", "2", "--left", "3", "--right", "1", "--bottom", "4", "--background", "00ff00");
        assertEquals(41, coloured.getWidth());
        assertEquals(29, coloured.getHeight());
        assertEquals(0x00FF00, rgb(coloured, 0, 0));
        assertEquals(0x00FF00, rgb(coloured, 40, 28));
        assertEquals(rgb(pixels, 0, 0), rgb(coloured, 3, 2));
        BufferedImage copied = run("extend", "--top", "2", "--left", "3", "--with", "copy");
        assertEquals(rgb(pixels, 0, 0), rgb(copied, 0, 0), "the corner copies the image's corner");
        assertEquals(rgb(pixels, 10, 0), rgb(copied, 13, 1), "rows above copy the top row");
        BufferedImage mirrored = run("extend", "--left", "3", "--with", "mirror");
        // libvips' mirror repeats the edge pixel: ... c b a | a b c ...
        assertEquals(rgb(pixels, 0, 5), rgb(mirrored, 2, 5));
        assertEquals(rgb(pixels, 2, 5), rgb(mirrored, 0, 5));
    }

    @Test
    void trimCutsAUniformBorder() throws IOException {
        BufferedImage framed = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                boolean inside = x >= 7 && x < 7 + 37 && y >= 5 && y < 5 + 23;
                framed.setRGB(x, y, inside ? pixels.getRGB(x - 7, y - 5) : 0xFFFFFF);
            }
        }
        Path in = dir.resolve("framed.png");
        ImageIO.write(framed, "png", in.toFile());
        Path out = dir.resolve("trimmed.png");
        CliTest.Run r = lamina("trim", in.toString(), "--line-art", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage t = ImageIO.read(out.toFile());
        assertEquals(37, t.getWidth());
        assertEquals(23, t.getHeight());
        assertEquals(rgb(pixels, 0, 0), rgb(t, 0, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "extract|--area|1,2,3",
            "extract|--area|0,0,0,5",
            "rotate|--angle|north",
            "rotate|--angle|NaN",
            "affine|--matrix|1,0,0",
            "extend|--with|wrap",
            "extend|--top|-1",
            "trim|--threshold|-2"})
    void wrongValuesAreUsageErrors(String command, String option, String value) {
        Path out = dir.resolve("never.png");
        CliTest.Run r = lamina(command, photo.toString(), option, value, "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(value), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anAreaOutsideTheImageIsAFailedJobNamingIt() {
        Path out = dir.resolve("outside.png");
        CliTest.Run r = lamina("extract", photo.toString(), "--area", "30,20,10,10", "-o", out.toString());
        assertEquals(1, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains("photo.png") && r.err().contains("not inside"), r.err());
        assertFalse(Files.exists(out));
    }
}
