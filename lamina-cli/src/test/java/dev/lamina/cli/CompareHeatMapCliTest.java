package dev.lamina.cli;

import dev.lamina.colour.CieLab;
import dev.lamina.colour.DeltaE2000;
import dev.lamina.metrics.ErrorHeatMap;
import dev.lamina.metrics.HeatRamp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code lamina compare --diff} on files, issue 9's case: an image against a copy whose top 60
 * rows are inverted, and an RGBA image against itself. Inputs are written and the map read back by
 * ImageIO; the expected map is each pixel's CIEDE2000 worked out from ImageIO's pixels (sRGB to
 * CIELAB, then the heat ramp at the scale the command prints), not from the metrics' code.
 */
class CompareHeatMapCliTest {
    @TempDir
    Path dir;

    @Test
    void topRowsInvertedShowTheirErrorAndTheRestShowsNone() throws IOException {
        BufferedImage a = photo(600, 400, false);
        check(a, inverted(a, 60));
    }

    /** The exact reproduction of the issue, when the shared photos are on this machine. */
    @Test
    void coffeeAgainstItsCopyWithTheTop60RowsInverted() throws IOException {
        Path coffee = Path.of(System.getProperty("lamina.photos", "/work/shared/photos"), "coffee.png");
        Assumptions.assumeTrue(Files.isRegularFile(coffee),
                "skipped: " + coffee + " is not here (set -Dlamina.photos); the generated case above still runs");
        BufferedImage a = ImageIO.read(coffee.toFile());
        String report = check(a, inverted(a, 60));
        assertFalse(report.contains("mean 0.0000"), report);
    }

    @Test
    void anRgbaImageAgainstItselfIsOpaqueAndZeroEverywhere() throws IOException {
        BufferedImage a = photo(600, 400, true);
        Path file = dir.resolve("rgba.png");
        ImageIO.write(a, "png", file.toFile());
        Path map = dir.resolve("self-map.png");
        CliTest.Run r = lamina("compare", file.toString(), file.toString(), "--diff", map.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage m = ImageIO.read(map.toFile());
        assertFalse(m.getColorModel().hasAlpha(), "the map is opaque");
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                assertEquals(0x440154, m.getRGB(x, y) & 0xFFFFFF, "zero-error colour at " + x + "," + y);
            }
        }
    }

    /** Runs the command on {@code a} and {@code b}, checks every pixel of the map; returns the report. */
    private String check(BufferedImage a, BufferedImage b) throws IOException {
        Path fa = dir.resolve("a.png"), fb = dir.resolve("b.png"), map = dir.resolve("map.png");
        ImageIO.write(a, "png", fa.toFile());
        ImageIO.write(b, "png", fb.toFile());
        CliTest.Run r = lamina("compare", fa.toString(), fb.toString(), "--diff", map.toString());
        assertEquals(0, r.code(), r.err());
        int w = a.getWidth(), h = a.getHeight();
        double[][] de = new double[h][w];
        double max = 0, sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                de[y][x] = DeltaE2000.of(lab(a.getRGB(x, y)), lab(b.getRGB(x, y)));
                max = Math.max(max, de[y][x]);
                sum += de[y][x];
            }
        }
        Matcher mean = Pattern.compile("mean (\\d+\\.\\d+)").matcher(r.out());
        assertEquals(true, mean.find(), r.out());
        assertEquals(sum / (w * h), Double.parseDouble(mean.group(1)), 0.6e-4, "the mean the command prints (4 decimals)");
        double top = ErrorHeatMap.niceScale(max);
        BufferedImage m = ImageIO.read(map.toFile());
        int wrong = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = de[y][x] / top;
                int got = m.getRGB(x, y) & 0xFFFFFF;
                if (got != HeatRamp.rgb(t) && got != HeatRamp.rgb(t - 1e-9) && got != HeatRamp.rgb(t + 1e-9)) {
                    wrong++;
                }
            }
        }
        assertEquals(0, wrong, "map pixels that are not the ramp colour of their own CIEDE2000");
        return r.out();
    }

    private static double[] lab(int rgb) {
        return CieLab.fromSrgb(((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    }

    /** Smooth colour with fine detail; with alpha 1..255 (never fully transparent) when asked. */
    private static BufferedImage photo(int w, int h, boolean alpha) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (127 + 120 * Math.sin(x * 0.031 + y * 0.007));
                int g = (int) (127 + 120 * Math.cos(y * 0.023 - x * 0.011));
                int bl = (x * 7 + y * 3) % 256;
                int a = alpha ? 1 + (x + 2 * y) % 255 : 255;
                img.setRGB(x, y, a << 24 | r << 16 | g << 8 | bl);
            }
        }
        return img;
    }

    private static BufferedImage inverted(BufferedImage a, int rows) {
        BufferedImage b = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int rgb = a.getRGB(x, y) & 0xFFFFFF;
                b.setRGB(x, y, y < rows ? rgb ^ 0xFFFFFF : rgb);
            }
        }
        return b;
    }
}
