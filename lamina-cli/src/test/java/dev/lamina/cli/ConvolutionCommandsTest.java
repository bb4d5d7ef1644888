package dev.lamina.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lamina blur} and {@code lamina sharpen} as a user runs them; pixels read back by ImageIO. */
class ConvolutionCommandsTest {
    @TempDir
    Path dir;

    /** One white pixel in the middle of black: its blur is the kernel itself, known in closed form. */
    private Path dot() throws IOException {
        BufferedImage b = new BufferedImage(21, 21, BufferedImage.TYPE_BYTE_GRAY);
        b.getRaster().setSample(10, 10, 0, 255);
        Path p = dir.resolve("dot.png");
        ImageIO.write(b, "png", p.toFile());
        return p;
    }

    /** The normalised sampled Gaussian of sigma at offset k (radius floor(4 sigma + 0.5)). */
    private static double gauss(double sigma, int k) {
        int r = (int) (4 * sigma + 0.5);
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        return Math.exp(-k * k / (2 * sigma * sigma)) / sum;
    }

    @Test
    void blurSpreadsADotIntoTheGaussian() throws IOException {
        Path out = dir.resolve("blurred.png");
        CliTest.Run r = lamina("blur", dot().toString(), "--sigma", "1.5", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage b = ImageIO.read(out.toFile());
        for (int[] p : new int[][]{{10, 10}, {11, 10}, {12, 13}, {10, 15}}) {
            double expected = 255 * gauss(1.5, p[0] - 10) * gauss(1.5, p[1] - 10);
            assertEquals(Math.floor(expected + 0.5), b.getRaster().getSample(p[0], p[1], 0), "at " + p[0] + "," + p[1]);
        }
    }

    @Test
    void sharpenRaisesTheDotAndLeavesFlatBlackAlone() throws IOException {
        Path out = dir.resolve("sharp.png");
        CliTest.Run r = lamina("sharpen", dot().toString(), "--sigma", "1", "--amount", "2", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage b = ImageIO.read(out.toFile());
        assertEquals(255, b.getRaster().getSample(10, 10, 0), "clamped at white");
        assertEquals(0, b.getRaster().getSample(0, 0, 0), "far from the dot nothing changes");
    }

    @Test
    void badParametersAreCommandLineErrors() throws IOException {
        CliTest.Run r = lamina("blur", dot().toString(), "--sigma", "0", "-o", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("0 is not a number greater than 0"), r.err());
        r = lamina("sharpen", dot().toString(), "--amount", "-1", "-o", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("-1 is not from 0 to 100"), r.err());
        r = lamina("sharpen", dot().toString(), "--threshold", "1.5", "-o", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("1.5 is not from 0 to 1"), r.err());
        assertEquals(2, lamina("blur", dot().toString(), "-o", dir.resolve("x.png").toString()).code(), "--sigma is required");
        // in range for the command line, over the engine's limit: a failed job naming the problem
        r = lamina("blur", dot().toString(), "--sigma", "600", "-o", dir.resolve("x.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("blur: sigma 600.0 is over the limit of 500"), r.err());
    }
}
